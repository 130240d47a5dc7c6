story.md:6:15: error: UTF-8 no válido (byte 0xED): guarde el archivo como UTF-8
  Ana: una bater?a latin-1
                ^
