"""The map: a folium-built Leaflet page, a URL scheme serving base maps, and the Python↔page bridge."""
