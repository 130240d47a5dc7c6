story.md:8:26: error: ninguna fuente incluida tiene el carácter U+E000 (usado en «intervención»): se imprimiría como un recuadro
  Ana: un carácter privado  aquí.
                           ^
