telar: error: valor no válido «a9» para --paper: se esperaba a4, letter, a3, a5, legal, tabloid o AnchoxAlto (210x297mm)
