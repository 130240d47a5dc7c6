story.md:9:30: aviso: ninguna fuente instalada tiene el carácter «» U+E000 (usado en «titular»): se imprime como un recuadro (--allow-missing-glyphs)
  Rodrigo: un carácter privado  aquí.
                               ^
