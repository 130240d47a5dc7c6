missing/out.pdf: error: la carpeta de salida no existe
