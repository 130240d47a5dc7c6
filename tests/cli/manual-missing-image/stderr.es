lesson.md:8:1: error: no se puede imprimir la imagen «img/nowhere.png»
img/nowhere.png: error: el archivo no existe
