story.md:1:1: error: la cabecera que se abre aquí nunca se cierra (se esperaba una línea «---»)
  ---
  ^
