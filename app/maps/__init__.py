"""The map: a Leaflet page (Leaflet from xstatic-leaflet), a URL scheme serving base maps, and the Python↔page bridge."""
