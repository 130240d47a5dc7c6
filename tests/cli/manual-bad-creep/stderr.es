telar: error: valor no válido «5mm» para --creep: se esperaba una longitud de 0 a 2mm, como 0.1mm
