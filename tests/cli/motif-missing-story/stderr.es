nowhere.circle.md: error: el archivo no existe
