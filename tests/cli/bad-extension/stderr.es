telar: error: no se reconoce el formato de salida de «out.docx»: use .pdf, .svg o .png
