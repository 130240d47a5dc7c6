story.md:8:26: error: ninguna fuente instalada tiene el carácter «» U+E000 (usado en «intervención»): se imprimiría como un recuadro; instale las fuentes que lista scripts/setup-debian.sh o use --allow-missing-glyphs
  Ana: un carácter privado  aquí.
                           ^
