"""Towns and their base maps (image, MBTiles, plain), the address table and the public reference layers."""
