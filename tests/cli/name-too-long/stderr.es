story.md:6:1: error: un nombre tiene como máximo 40 caracteres (hay 52)
  Maximiliana Auxiliadora Fuenzalida Ortúzar-Errázuriz: hola.
  ^
