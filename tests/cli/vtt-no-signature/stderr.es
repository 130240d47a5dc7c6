talk.vtt:1:1: error: un archivo WebVTT empieza con la línea «WEBVTT»
  1
  ^
