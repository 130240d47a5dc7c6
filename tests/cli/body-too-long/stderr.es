story.md:6:1: error: el círculo es demasiado largo para las 6 páginas interiores del fanzine, incluso a 7.5 pt: acórtelo o haga un manual de campo
