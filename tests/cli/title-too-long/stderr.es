story.md:2:8: error: el texto de «título» no cabe en su espacio ni siquiera a 14 pt: acórtelo
