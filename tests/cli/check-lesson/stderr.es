bad.md:8:13: error: UTF-8 no válido (byte 0xFF): guarde el archivo como UTF-8
  - [ ] tarea � mala
              ^
