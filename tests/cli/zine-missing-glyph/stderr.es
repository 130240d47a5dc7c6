story.md:9:30: error: ninguna fuente instalada tiene el carácter «» U+E000 (usado en «titular»): se imprimiría como un recuadro; instale las fuentes que lista scripts/setup-debian.sh o use --allow-missing-glyphs
  Rodrigo: un carácter privado  aquí.
                               ^
