telar: error: valor no válido «3xm» para --size: se esperaba AnchoxAlto con unidad (3x1m, 300x100cm, 120x36in, 2000x700mm) o un tamaño predefinido de la plantilla
