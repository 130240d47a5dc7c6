plantilla.yaml:52:18: error: ninguna fuente instalada tiene el carácter «» U+E002 (usado en «etiqueta»): se imprimiría como un recuadro; instale las fuentes que lista scripts/setup-debian.sh o use --allow-missing-glyphs (clave: labels.es.notes)
      notes: Notas 
                   ^
