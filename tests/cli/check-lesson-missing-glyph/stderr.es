lesson.md:10:22: error: ninguna fuente instalada tiene el carácter «» U+E001 (usado en «lección»): se imprimiría como un recuadro; instale las fuentes que lista scripts/setup-debian.sh o use --allow-missing-glyphs
  Un carácter privado:  aquí.
                       ^
