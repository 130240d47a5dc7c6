telar: error: el tamaño de pancarta «0x1m» está fuera de rango: cada lado debe medir entre 10 cm y 50 m
