talk.vtt: error: la transcripción no tiene título: escribe «title: ...» en un archivo acompañante «talk.vtt.yaml» o usa --title
