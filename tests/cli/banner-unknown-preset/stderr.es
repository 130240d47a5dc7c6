telar: error: la plantilla «tejido» no tiene el tamaño predefinido «plaza»; sus tamaños: calle, pasacalle, marcha, muro, mesa
