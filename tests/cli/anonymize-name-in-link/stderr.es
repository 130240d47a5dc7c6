story.md:4:7: error: con --anonymize, el enlace no puede contener el nombre de quien habla («Marisol»): quedaría impreso en el código QR
