nope.md: error: el archivo no existe
