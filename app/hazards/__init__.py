"""Hazard zones (国土数値情報 flood, sediment, storm surge, tsunami): import, each household's exposure, and
the nearest shelter valid for a hazard. Public data and derived values: nothing here syncs."""
