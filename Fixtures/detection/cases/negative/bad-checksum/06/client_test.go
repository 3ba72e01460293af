TOKEN = "ghu_iiNCHc0TiSoiebggHTZoE1RgO5kFPs26nyMA"
