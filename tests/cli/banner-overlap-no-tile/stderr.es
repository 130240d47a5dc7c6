telar: error: --overlap necesita --tile
