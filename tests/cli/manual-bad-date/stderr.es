telar: error: valor no válido «2026-13-01» para --cycle: se esperaba una fecha escrita AAAA-MM-DD
