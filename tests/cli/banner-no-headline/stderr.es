story.md: error: no hay titular: use --headline TEXTO, ponga 'headline' en el encabezado o marque una cita destacada ('> Nombre: texto')
