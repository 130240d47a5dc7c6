telar: error: una superposición de 250 mm no deja sitio en papel a4 con 5 mm de margen no imprimible por lado
