story.md:8:17: aviso: carácter de control U+0007 descartado (y cualquier otro del archivo): no se puede imprimir
  Ana: una campana  y un escape [31m aquí.
                  ^
