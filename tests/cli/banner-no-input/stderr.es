telar: error: indique un archivo de relato o --headline TEXTO
