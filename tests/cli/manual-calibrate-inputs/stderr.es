telar: error: --calibrate imprime una hoja de prueba y no lleva archivos de lecciones
