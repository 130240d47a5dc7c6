talk.vtt: error: «talk.vtt» es una transcripción, no una lección: haz con ella un zine o una pancarta
