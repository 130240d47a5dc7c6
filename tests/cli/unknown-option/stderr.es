telar: error: opción desconocida «--papr» para «telar zine»; ¿quiso decir «--paper»?
