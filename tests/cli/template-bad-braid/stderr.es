tpl.yaml:43:8: error: valor no válido «maybe»; se esperaba uno de: true, false (clave: braid)
