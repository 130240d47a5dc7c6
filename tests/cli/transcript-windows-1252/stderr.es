sub.srt:3:4: error: no es texto UTF-8 (byte 0xED); si la aplicación lo guardó como Windows-1252 o Latin-1, conviértelo antes: iconv -f WINDOWS-1252 -t UTF-8 'sub.srt' > convertido.srt
