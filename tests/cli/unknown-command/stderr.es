telar: error: orden desconocida «zin»; ¿quiso decir «zine»?
