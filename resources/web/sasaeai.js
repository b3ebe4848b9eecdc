/* Sasaeai Map page API: draws households and gathering places sent from Python over QWebChannel.
 *
 * Python calls window.sasaeai.* (setFeatures, upsert, remove, setFilter, select, setAddMode) through
 * the bridge's "invoke" signal; the page calls the "bridge" object back (pageReady, baseLoaded, mapClicked, featureMoved,
 * featureClicked, log). User text is only ever set as textContent, never as HTML: no innerHTML, no HTML
 * string handed to Leaflet (its attribution control, tooltips and divIcons take DOM nodes built here).
 * The page's Content-Security-Policy lets only the app's script files run; a violation is reported.
 */
(function () {
  "use strict";
  var S = {};
  window.sasaeai = S;

  var map = null, config = null, bridge = null;
  var markers = {};          // id -> SymbolMarker, only for features near the view (see syncMarkers)
  var features = {};         // id -> GeoJSON Feature, every household and place of the town
  var categories = {};       // code -> symbol definition
  var filter = null;         // null = everything; otherwise a list of category codes
  var selectedId = null;
  var addMode = false;
  var baseLoaded = false;
  var lines = {};            // link id -> {line: L.Polyline, spec}
  var linesVisible = true;
  var highlightedPerson = null;
  var gaps = {};             // household id -> true: a person of concern there has no watcher
  var lineLayer = null;
  var PLACE_SYMBOL = { code: "place", color: "#2e7d32", shape: "star", letter: "た" };
  var NONE_SYMBOL = { code: "none", color: "#ffffff", shape: "circle", letter: "" };
  // Reference layers (imported public data): small symbols, a letter each, never draggable.
  var REFERENCE_SYMBOLS = {
    shelter: { color: "#66bb6a", shape: "square", letter: "避" },
    designated_shelter: { color: "#2e7d32", shape: "square", letter: "避" },
    community_hall: { color: "#8d6e63", shape: "pentagon", letter: "公" },
    clinic: { color: "#e57373", shape: "hexagon", letter: "医" }
  };
  var references = {};       // id -> L.CircleMarker (SymbolMarker) of reference features
  var referenceLayer = null;
  var referenceCredits = [];

  // What goes wrong before the channel is up (a CSP violation while the map is made) waits for it.
  var pendingLog = [];
  function log(msg) {
    msg = String(msg);
    if (bridge) { bridge.log(msg); } else if (pendingLog.length < 100) { pendingLog.push(msg); }
  }
  // Something tried to run, load or connect against the page's Content-Security-Policy: say so in the log.
  document.addEventListener("securitypolicyviolation", function (ev) {
    log("CSP violation: " + ev.effectiveDirective + " blocked " + (ev.blockedURI || "(inline)") +
        (ev.sourceFile ? " from " + ev.sourceFile + ":" + ev.lineNumber : "") +
        (ev.sample ? " sample: " + ev.sample : ""));
  });
  window.addEventListener("error", function (ev) {
    log("JS error: " + ev.message + " at " + ev.filename + ":" + ev.lineno);
  });

  // ---------------------------------------------------------------- symbols
  function polygonPoints(n, r, cx, cy, rotation) {
    var pts = [];
    for (var i = 0; i < n; i++) {
      var a = rotation + (2 * Math.PI * i) / n;
      pts.push((cx + r * Math.cos(a)).toFixed(2) + "," + (cy + r * Math.sin(a)).toFixed(2));
    }
    return pts.join(" ");
  }
  function starPoints(r, cx, cy) {
    var pts = [];
    for (var i = 0; i < 10; i++) {
      var rr = i % 2 === 0 ? r : r * 0.5;
      var a = -Math.PI / 2 + (Math.PI * i) / 5;
      pts.push((cx + rr * Math.cos(a)).toFixed(2) + "," + (cy + rr * Math.sin(a)).toFixed(2));
    }
    return pts.join(" ");
  }
  var SVG_NS = "http://www.w3.org/2000/svg";
  function svgNode(name, attrs) {
    var el = document.createElementNS(SVG_NS, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, String(attrs[k])); });
    return el;
  }
  function shapeElement(shape, size) {
    var c = size / 2, r = size / 2 - 2;
    switch (shape) {
      case "square": return svgNode("rect", { x: 2, y: 2, width: size - 4, height: size - 4, rx: 2 });
      case "triangle": return svgNode("polygon", { points: polygonPoints(3, r + 1, c, c + 2, -Math.PI / 2) });
      case "diamond": return svgNode("polygon", { points: polygonPoints(4, r + 1, c, c, -Math.PI / 2) });
      case "pentagon": return svgNode("polygon", { points: polygonPoints(5, r + 1, c, c + 1, -Math.PI / 2) });
      case "hexagon": return svgNode("polygon", { points: polygonPoints(6, r + 1, c, c, 0) });
      case "star": return svgNode("polygon", { points: starPoints(r + 2, c, c + 1) });
      default: return svgNode("circle", { cx: c, cy: c, r: r });
    }
  }
  // A legend symbol as an <svg> element. Colour, shape and letter are category data from the ledger:
  // they only ever become attribute values and text, never markup.
  function svgFor(sym, size, ring) {
    var dark = String(sym.color).toLowerCase() === "#ffffff";
    var svg = svgNode("svg", { width: size, height: size, viewBox: "0 0 " + size + " " + size });
    if (ring) {
      // A person of concern lives here: a thick red ring and a dashed outer ring (visible in grey print).
      svg.appendChild(svgNode("circle", { cx: size / 2, cy: size / 2, r: size / 2 + 3, fill: "none", stroke: "#d62728",
                                          "stroke-width": 3, "stroke-dasharray": "4 2" }));
    }
    var shape = shapeElement(sym.shape, size);
    shape.setAttribute("fill", String(sym.color));
    shape.setAttribute("stroke", dark ? "#333" : "#1a1a1a");
    shape.setAttribute("stroke-width", "1.5");
    svg.appendChild(shape);
    if (sym.letter) {
      var text = svgNode("text", { x: "50%", y: "54%", "text-anchor": "middle", "dominant-baseline": "middle",
                                   "font-size": Math.round(size * 0.5), "font-weight": "bold", fill: dark ? "#111" : "#fff",
                                   stroke: dark ? "none" : "#000", "stroke-width": 0.6, "paint-order": "stroke" });
      text.textContent = String(sym.letter);
      svg.appendChild(text);
    }
    return svg;
  }
  S.svgFor = svgFor;

  function symbolFor(feature) {
    var p = feature.properties;
    if (p.layer === "place") { return PLACE_SYMBOL; }
    if (p.layer === "reference") { return REFERENCE_SYMBOLS[p.kind] || NONE_SYMBOL; }
    var best = null;
    (p.categories || []).forEach(function (code) {
      var c = categories[code];
      if (c && (best === null || c.priority < best.priority)) { best = c; }
    });
    return best || NONE_SYMBOL;
  }

  // Households are drawn on one canvas (tens of thousands stay fast); only the selected one gets a
  // DOM "handle" that can be dragged.
  var renderer = null;
  var labelsOn = true;
  var LABEL_LIMIT = 400;       // map numbers are drawn when at most this many symbols are in view
  var tip = null;

  function scale() { return config.symbolScale || 1; }

  function symbolSize(feature) {
    var p = feature.properties;
    if (p.layer === "reference") { return Math.round(18 * scale()); }
    var concern = p.layer === "household" && p.ofConcern;
    return Math.round((concern ? 30 : 24) * scale());
  }

  function shapePath(ctx, shape, x, y, r) {
    ctx.beginPath();
    function poly(n, rr, cy, rotation) {
      for (var i = 0; i < n; i++) {
        var a = rotation + (2 * Math.PI * i) / n;
        var px = x + rr * Math.cos(a), py = cy + rr * Math.sin(a);
        if (i === 0) { ctx.moveTo(px, py); } else { ctx.lineTo(px, py); }
      }
      ctx.closePath();
    }
    switch (shape) {
      case "square": ctx.rect(x - r, y - r, 2 * r, 2 * r); break;
      case "triangle": poly(3, r + 1, y + 2, -Math.PI / 2); break;
      case "diamond": poly(4, r + 1, y, -Math.PI / 2); break;
      case "pentagon": poly(5, r + 1, y + 1, -Math.PI / 2); break;
      case "hexagon": poly(6, r + 1, y, 0); break;
      case "star":
        for (var i = 0; i < 10; i++) {
          var rr = i % 2 === 0 ? r + 2 : (r + 2) * 0.5;
          var a = -Math.PI / 2 + (Math.PI * i) / 5;
          var px = x + rr * Math.cos(a), py = y + 1 + rr * Math.sin(a);
          if (i === 0) { ctx.moveTo(px, py); } else { ctx.lineTo(px, py); }
        }
        ctx.closePath();
        break;
      default: ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
  }

  function paintSymbol(ctx, feature, pt) {
    var p = feature.properties, id = String(feature.id);
    var sym = symbolFor(feature), size = symbolSize(feature), r = size / 2 - 2;
    var x = pt.x, y = pt.y;
    var white = sym.color.toLowerCase() === "#ffffff";
    ctx.save();
    if (highlightedPerson !== null && !isInNetwork(id)) { ctx.globalAlpha = 0.25; }
    if (id === selectedId) {
      ctx.beginPath(); ctx.arc(x, y, r + 9, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(255, 212, 0, 0.85)"; ctx.fill();
      ctx.lineWidth = 2; ctx.strokeStyle = "#000"; ctx.stroke();
    }
    if (p.layer === "household" && p.ofConcern) {
      // A person of concern lives here: a dashed red ring (still visible in grey print).
      ctx.beginPath(); ctx.arc(x, y, r + 5, 0, 2 * Math.PI);
      ctx.setLineDash([4, 2]); ctx.lineWidth = 3; ctx.strokeStyle = "#d62728"; ctx.stroke(); ctx.setLineDash([]);
    }
    shapePath(ctx, sym.shape, x, y, r);
    ctx.fillStyle = sym.color; ctx.fill();
    ctx.lineWidth = 1.5; ctx.strokeStyle = white ? "#333" : "#1a1a1a"; ctx.stroke();
    if (sym.letter) {
      ctx.font = "bold " + Math.round(size * 0.5) + "px " + FONT;
      ctx.textAlign = "center"; ctx.textBaseline = "middle";
      if (!white) { ctx.lineWidth = 1; ctx.strokeStyle = "#000"; ctx.strokeText(sym.letter, x, y + 1); }
      ctx.fillStyle = white ? "#111" : "#fff"; ctx.fillText(sym.letter, x, y + 1);
    }
    if (p.approximate) {
      // Placed from the address only: a "?" until a volunteer pins the house (a sign, not colour only).
      var qx = x - r - 1, qy = y - r - 1;
      ctx.beginPath(); ctx.arc(qx, qy, 8, 0, 2 * Math.PI);
      ctx.fillStyle = "#ffffff"; ctx.fill(); ctx.lineWidth = 2; ctx.strokeStyle = "#000"; ctx.stroke();
      ctx.fillStyle = "#000"; ctx.font = "bold 12px " + FONT; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText("?", qx, qy + 1);
    }
    if (gaps[id]) {
      // Nobody watches over a person of concern here yet: a "!" badge (a sign, not colour only).
      var bx = x + r + 1, by = y - r - 1;
      ctx.fillStyle = "#ffd400"; ctx.fillRect(bx - 8, by - 8, 16, 16);
      ctx.lineWidth = 2; ctx.strokeStyle = "#000"; ctx.strokeRect(bx - 8, by - 8, 16, 16);
      ctx.fillStyle = "#000"; ctx.font = "bold 13px " + FONT; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText("!", bx, by + 1);
    }
    ctx.restore();
  }

  function paintLabel(ctx, feature, pt) {
    var p = feature.properties;
    if (p.mapNumber === undefined || p.mapNumber === null) { return; }
    var id = String(feature.id), r = symbolSize(feature) / 2 - 2;
    ctx.save();
    if (highlightedPerson !== null && !isInNetwork(id)) { ctx.globalAlpha = 0.25; }
    // Bottom-right of the symbol, where it least often covers a neighbour on a dense town map.
    var text = String(p.mapNumber), fontSize = Math.round(11 * scale()), boxH = fontSize + 2;
    ctx.font = "bold " + fontSize + "px " + FONT; ctx.textAlign = "left"; ctx.textBaseline = "top";
    var w = ctx.measureText(text).width + 4, tx = pt.x + r - 3, ty = pt.y + r - 3 + (p.ofConcern ? 3 : 0);
    ctx.fillStyle = "rgba(255,255,255,0.9)"; ctx.fillRect(tx, ty, w, boxH);
    ctx.lineWidth = 1; ctx.strokeStyle = "rgba(0,0,0,0.35)"; ctx.strokeRect(tx, ty, w, boxH);
    ctx.fillStyle = "#111"; ctx.fillText(text, tx + 2, ty + 1);
    ctx.restore();
  }

  // Map numbers go on in a second pass, so no symbol covers another's number.
  function labelPass(canvasRenderer) {
    if (!labelsOn || !canvasRenderer._ctx) { return; }
    var ctx = canvasRenderer._ctx, b = canvasRenderer._redrawBounds || canvasRenderer._bounds;
    ctx.save();
    if (canvasRenderer._redrawBounds) {
      var size = b.getSize();
      ctx.beginPath(); ctx.rect(b.min.x, b.min.y, size.x, size.y); ctx.clip();
    }
    for (var id in markers) {
      var m = markers[id];
      if (m._map && m._pxBounds && b.intersects(m._pxBounds)) { paintLabel(ctx, m.feature, m._point); }
    }
    ctx.restore();
  }
  var FONT = '"Noto Sans CJK JP", "Yu Gothic UI", "Meiryo", sans-serif';

  var SymbolMarker = L.CircleMarker.extend({
    _updatePath: function () {
      if (!this._renderer._drawing || this._empty()) { return; }
      paintSymbol(this._renderer._ctx, this.feature, this._point);
    },
    _empty: function () { return this._renderer._bounds && !this._renderer._bounds.intersects(this._pxBounds); }
  });

  function updateLabels() {
    if (!map) { return; }
    var b = box(map.getBounds()), n = 0;
    for (var id in markers) {
      if (map.hasLayer(markers[id]) && inBox(features[id], b)) { n++; if (n > LABEL_LIMIT) { break; } }
    }
    var on = n <= LABEL_LIMIT;
    if (on !== labelsOn) { labelsOn = on; redrawAll(); }
  }

  function tooltipFor(feature) {
    var p = feature.properties;
    var el = document.createElement("div");
    el.className = "sasaeai-tooltip";
    if (p.mapNumber !== undefined) {
      var n = document.createElement("span"); n.className = "num"; n.textContent = "No." + p.mapNumber; el.appendChild(n);
    }
    var name = document.createElement("span"); name.textContent = p.label || ""; el.appendChild(name);
    if (p.address) { var a = document.createElement("div"); a.textContent = p.address; el.appendChild(a); }
    if (p.schedule) { var s = document.createElement("div"); s.textContent = p.schedule; el.appendChild(s); }
    if (p.approximate) { var q = document.createElement("div"); q.textContent = config.labels.approximate || "?"; el.appendChild(q); }
    return el;
  }

  function showTip(feature, latlng) {
    if (!tip) { tip = L.tooltip({ direction: "top", offset: [0, -14] }); }
    tip.setLatLng(latlng).setContent(tooltipFor(feature)).openOn(map);
  }
  function hideTip() { if (tip) { map.closeTooltip(tip); } }

  // The selected household gets a draggable handle on top of its canvas symbol.
  var handle = null;
  function updateHandle() {
    if (handle) { handle.remove(); handle = null; }
    if (selectedId && features[selectedId] && visible(features[selectedId])) { ensureMarker(selectedId); }
    if (!selectedId || !markers[selectedId] || !map.hasLayer(markers[selectedId]) || config.editable === false) { return; }
    var feature = features[selectedId], size = symbolSize(feature) + 8, id = selectedId;
    var div = document.createElement("div");
    div.className = "drag-handle";
    div.title = config.labels.dragHint || "";
    handle = L.marker(markers[id].getLatLng(), {
      draggable: true, keyboard: false, zIndexOffset: 1000,
      icon: L.divIcon({ html: div, className: "sasaeai-handle", iconSize: [size, size], iconAnchor: [size / 2, size / 2] })
    });
    handle.on("dragend", function () {
      var ll = handle.getLatLng();
      if (bridge) { bridge.featureMoved(id, ll.lng, ll.lat); }
    });
    handle.on("click", function (ev) { L.DomEvent.stopPropagation(ev); if (bridge) { bridge.featureClicked(id); } });
    handle.addTo(map);
  }

  // ---------------------------------------------------------------- coordinates
  function toLatLng(coords) { return L.latLng(coords[1], coords[0]); }

  // ---------------------------------------------------------------- features
  function visible(feature) {
    if (filter === null) { return true; }
    var p = feature.properties;
    if (p.layer === "place") { return filter.indexOf("place") >= 0; }
    var cats = p.categories || [];
    if (cats.length === 0) { return filter.indexOf("none") >= 0; }
    return cats.some(function (c) { return filter.indexOf(c) >= 0; });
  }

  // A city-sized town has tens of thousands of households: only those near the view get a marker
  // (an object with events, drawn on the canvas); the others are plain data until the map moves to them.
  function box(bounds) {
    return { s: bounds.getSouth(), w: bounds.getWest(), n: bounds.getNorth(), e: bounds.getEast() };
  }
  function inBox(feature, b) {
    var c = feature.geometry.coordinates;
    return c[1] >= b.s && c[1] <= b.n && c[0] >= b.w && c[0] <= b.e;
  }
  function nearBox() { return box(map.getBounds().pad(0.5)); }

  function onMarkerClick(ev) {
    var id = this.featureId;
    L.DomEvent.stopPropagation(ev); S.select(id); if (bridge) { bridge.featureClicked(id); }
  }
  function onMarkerOver() { showTip(features[this.featureId], this.getLatLng()); }

  function ensureMarker(id) {
    var feature = features[id], m = markers[id];
    if (!m) {
      m = new SymbolMarker(toLatLng(feature.geometry.coordinates),
                           { renderer: renderer, radius: symbolSize(feature) / 2 + 2, bubblingMouseEvents: false });
      m.featureId = id;
      m.feature = feature;
      m.on("click", onMarkerClick);
      m.on("mouseover", onMarkerOver);
      m.on("mouseout", hideTip);
      markers[id] = m;
    }
    if (!map.hasLayer(m)) { m.addTo(map); }
    return m;
  }
  function dropMarker(id) {
    if (markers[id]) { markers[id].remove(); delete markers[id]; }
  }

  // Markers for the visible features near the view, none for the rest (after a move, zoom or filter).
  function syncMarkers() {
    if (!map) { return; }
    var b = nearBox();
    for (var id in features) {
      var want = visible(features[id]) && (inBox(features[id], b) || id === selectedId);
      if (want) { ensureMarker(id); } else if (markers[id]) { dropMarker(id); }
    }
  }

  function draw(feature) {
    var id = String(feature.id);
    features[id] = feature;
    var m = markers[id];
    if (m) {
      m.feature = feature;
      m.setLatLng(toLatLng(feature.geometry.coordinates));
      m.setRadius(symbolSize(feature) / 2 + 2);
      m.redraw();
    }
    if (visible(feature) && (inBox(feature, nearBox()) || id === selectedId)) { ensureMarker(id); } else { dropMarker(id); }
    if (id === selectedId) { updateHandle(); }
    redrawLinesOf(id);
  }

  function redrawAll() { if (renderer && renderer._map) { renderer._redraw(); } }

  S.setFeatures = function (fc) {
    Object.keys(markers).forEach(function (id) { markers[id].remove(); });
    markers = {}; features = {};
    addRows(fc.householdKeys || [], fc.households || []);
    (fc.features || []).forEach(function (f) { features[String(f.id)] = f; });
    syncMarkers();
    Object.keys(lines).forEach(function (lid) { drawLine(lines[lid].spec); });
    updateLabels();
    return Object.keys(features).length;
  };
  // Households may come compact (MapView.set_features): [id, x, y, ...values of householdKeys].
  function addRows(keys, rows) {
    rows.forEach(function (row) {
      var props = { layer: "household" };
      for (var i = 0; i < keys.length; i++) { props[keys[i]] = row[3 + i]; }
      features[String(row[0])] = { type: "Feature", id: row[0],
                                   geometry: { type: "Point", coordinates: [row[1], row[2]] }, properties: props };
    });
  }
  // The rest of a large town after setFeatures: more compact households, then its places (GeoJSON).
  S.addHouseholds = function (keys, rows, others) {
    addRows(keys, rows);
    (others || []).forEach(function (f) { features[String(f.id)] = f; });
    syncMarkers();
    Object.keys(lines).forEach(function (lid) { drawLine(lines[lid].spec); });
    updateLabels();
    return Object.keys(features).length;
  };
  S.upsert = function (feature) { draw(feature); return true; };
  // Python refused a move (off the base map): the drag handle goes back onto the household's symbol.
  S.putBack = function (id) {
    id = String(id);
    if (id === selectedId) { updateHandle(); }
    return !!features[id];
  };
  S.remove = function (id) {
    id = String(id);
    if (markers[id]) { markers[id].remove(); }
    delete markers[id]; delete features[id];
    if (selectedId === id) { selectedId = null; updateHandle(); }
    return true;
  };
  S.setFilter = function (codes) {
    filter = codes;
    syncMarkers();
    updateHandle();
    updateLabels();
    return S.visibleIds().length;
  };
  S.select = function (id, pan) {
    selectedId = id === null ? null : String(id);
    redrawAll();
    updateHandle();
    if (pan && selectedId && features[selectedId]) {
      userMoved = true;  // the view goes to the household found: a resize keeps it there
      map.panTo(toLatLng(features[selectedId].geometry.coordinates));
      S.showTooltip(selectedId);  // found by search: say which one it is
    }
    return selectedId;
  };
  S.setReferences = function (fc, credits) {
    Object.keys(references).forEach(function (id) { references[id].remove(); });
    references = {};
    referenceCredits.forEach(function (c) { creditControl.removeLine(c); });
    referenceCredits = (credits || []).map(String);
    referenceCredits.forEach(function (c) { creditControl.addLine(c); });
    (fc.features || []).forEach(function (f) {
      var m = new SymbolMarker(toLatLng(f.geometry.coordinates), { renderer: renderer, radius: 10, bubblingMouseEvents: false });
      m.feature = f;
      m.on("mouseover", function () { showTip(f, m.getLatLng()); });
      m.on("mouseout", hideTip);
      references[String(f.id)] = m;
      m.addTo(referenceLayer);
    });
    return Object.keys(references).length;
  };
  S.showReferences = function (on) {
    if (on) { referenceLayer.addTo(map); } else { referenceLayer.remove(); }
    return !!on;
  };

  // ---------------------------------------------------------------- hazard zones
  // One switchable layer per kind (flood, storm surge, tsunami, sediment), filled in the official colour
  // scale Python sends (app/maps/hazard_layers.py), with its legend rows and credit line, all as text.
  // The zones sit in the "hazards" pane below the households and take no pointer events: a household
  // over a zone is clicked as anywhere else.
  var hazards = {};          // kind -> {group, shown, credits, count, label}
  function cssKey(key) { return String(key).replace(/[^a-z0-9_-]/gi, "_"); }
  function hazardCredits(h, on) {
    h.credits.forEach(function (c) { if (on) { creditControl.addLine(c); } else { creditControl.removeLine(c); } });
  }
  function hazardLegend(kind, layer) {
    var section = document.createElement("div"); section.className = "hazard-section";
    var head = document.createElement("label"); head.className = "row hazard-switch";
    var box = document.createElement("input"); box.type = "checkbox"; box.checked = hazards[kind].shown;
    box.setAttribute("data-kind", kind);
    box.addEventListener("change", function () { S.showHazard(kind, box.checked); });
    head.appendChild(box);
    var title = document.createElement("span"); title.textContent = String(layer.label || kind); head.appendChild(title);
    section.appendChild(head);
    (layer.legend || []).forEach(function (entry) {
      var r = document.createElement("div"); r.className = "row hazard-entry";
      var sw = svgNode("svg", { width: 22, height: 14 });
      sw.appendChild(svgNode("rect", { x: 1, y: 1, width: 20, height: 12, fill: String(entry.fill),
                                       stroke: "#555", "stroke-width": 1 }));
      var icon = document.createElement("span"); icon.appendChild(sw); r.appendChild(icon);
      var t = document.createElement("span"); t.textContent = String(entry.label || ""); r.appendChild(t);
      section.appendChild(r);
    });
    hazardBox.appendChild(section);
  }
  S.setHazards = function (layers) {
    var previous = hazards;
    Object.keys(previous).forEach(function (k) { previous[k].group.remove(); if (previous[k].shown) { hazardCredits(previous[k], false); } });
    hazards = {};
    if (hazardBox) { while (hazardBox.firstChild) { hazardBox.removeChild(hazardBox.firstChild); } }
    (layers || []).forEach(function (layer) {
      var kind = String(layer.kind), fills = {};
      (layer.legend || []).forEach(function (e) { fills[e.key] = String(e.fill); });
      var group = L.geoJSON(layer.features || [], {
        pane: "hazards", interactive: false,
        style: function (f) {
          var key = f.properties.style, fill = fills[key] || "#999999";
          return { fillColor: fill, fillOpacity: 0.55, color: fill, opacity: 0.9, weight: 1,
                   className: "hazard hazard-" + cssKey(key) };
        }
      });
      var h = { group: group, shown: previous[kind] ? previous[kind].shown : true, label: layer.label,
                credits: (layer.credits || []).map(String), count: (layer.features || []).length };
      hazards[kind] = h;
      if (h.shown) { group.addTo(map); hazardCredits(h, true); }
      if (hazardBox) { hazardLegend(kind, layer); }
    });
    if (legendBox) { layoutLegend(); }
    return Object.keys(hazards).length;
  };
  S.showHazard = function (kind, on) {
    var h = hazards[String(kind)];
    if (!h) { return false; }
    on = !!on;
    if (on !== h.shown) {
      h.shown = on;
      if (on) { h.group.addTo(map); } else { h.group.remove(); }
      hazardCredits(h, on);
    }
    var box = hazardBox ? hazardBox.querySelector('input[data-kind="' + cssKey(kind) + '"]') : null;
    if (box) { box.checked = on; }
    return on;
  };
  // For tests: each kind's switch, zones on the map and the fill each style key is drawn with.
  S.hazardState = function () {
    var out = {};
    Object.keys(hazards).forEach(function (kind) {
      var h = hazards[kind], fills = {}, drawn = 0;
      h.group.eachLayer(function (l) {
        var el = l.getElement ? l.getElement() : null;
        if (el && map.hasLayer(l)) {
          drawn++;
          fills[cssKey(l.feature.properties.style)] = el.getAttribute("fill");
        }
      });
      out[kind] = { shown: h.shown, zones: h.count, drawn: drawn, fills: fills, label: h.label };
    });
    return out;
  };

  // Bigger symbols and numbers for a projector or a large-text user; the page keeps its features.
  S.setScale = function (value) {
    config.symbolScale = value;
    Object.keys(markers).forEach(function (id) { markers[id].setRadius(symbolSize(features[id]) / 2 + 2); });
    document.documentElement.style.fontSize = Math.round(100 * value) + "%";  // Leaflet sizes in rem
    redrawAll();
    updateHandle();
    return value;
  };

  // Print layout: no zoom buttons; the legend open, beside or below the drawing (never on it).
  S.setPrintMode = function (on) {
    printMode = !!on;
    document.body.classList.toggle("print-mode", printMode);
    var zoom = map.zoomControl ? map.zoomControl.getContainer() : null;
    if (zoom) { zoom.style.display = on ? "none" : ""; }
    setLegendOpen(legendOpen);
    return printMode;
  };
  function pageRect(el) {
    var r = el.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height];
  }
  S.printInfo = function () {
    // Where the drawing and the legend are on the page (the printed frame goes round the drawing only).
    var info = { page: [document.documentElement.clientWidth, document.documentElement.clientHeight],
                 mapRect: pageRect(map.getContainer()), legendRect: legendBox ? pageRect(legendBox) : null };
    // Metres per screen pixel at the centre (geographic maps only), for the printed scale bar.
    if (config.base.kind === "image" && !config.base.bounds) { info.geographic = false; return info; }
    var c = map.getCenter(), p = map.latLngToContainerPoint(c);
    var other = map.containerPointToLatLng(L.point(p.x + 100, p.y));
    info.geographic = true;
    info.metresPerPixel = map.distance(c, other) / 100;
    return info;
  };

  S.showTooltip = function (id) {
    id = String(id);
    var feature = features[id] || (references[id] && references[id].feature);
    if (!feature) { return false; }
    showTip(feature, toLatLng(feature.geometry.coordinates));
    return true;
  };
  S.setAddMode = function (on) {
    addMode = !!on;
    map.getContainer().classList.toggle("add-mode", addMode);
    return addMode;
  };

  // For tests and the screenshot: what the page shows right now.
  S.visibleIds = function () {
    return Object.keys(features).filter(function (id) { return visible(features[id]); });
  };
  S.ping = function () { return true; };
  // The Leaflet map itself, for tests reading positions off the screen (runJavaScript only: not JSON).
  S.leafletMap = function () { return map; };
  // Everything the page holds about households and places (what a privacy check must look at).
  S.featureData = function () { return Object.keys(features).map(function (id) { return features[id]; }); };
  S.state = function () {
    var positions = {};
    Object.keys(features).forEach(function (id) { var c = features[id].geometry.coordinates; positions[id] = [c[0], c[1]]; });
    return { ids: Object.keys(features).sort(), visible: S.visibleIds().sort(), positions: positions,
             baseLoaded: baseLoaded, selected: selectedId, addMode: addMode, handle: handle ? selectedId : null,
             labelsOn: labelsOn,
             lines: Object.keys(lines).sort().map(function (lid) {
               var l = lines[lid]; return { id: lid, drawn: !!(l.line && map.hasLayer(l.line)),
                                            latlngs: l.line ? l.line.getLatLngs().map(function (p) { return [p.lng, p.lat]; }) : [] };
             }),
             linesVisible: linesVisible, references: Object.keys(references).length,
             referencesShown: referenceLayer ? map.hasLayer(referenceLayer) : false,
             attribution: creditControl ? creditControl.getContainer().textContent : "", gaps: Object.keys(gaps).sort(), highlightedPerson: highlightedPerson };
  };

  // ---------------------------------------------------------------- safety check: status rings (issue 16)
  // One ring per household in its status colour, in a layer group of its own; the label is set as text.
  var statusRings = {};      // household id -> {row, ring: L.CircleMarker or null}
  var statusRingLayer = null;
  function drawStatusRing(row) {
    var id = String(row.householdId);
    var old = statusRings[id];
    if (old && old.ring) { old.ring.remove(); }
    statusRings[id] = { row: row, ring: null };
    var at = features[id] ? toLatLng(features[id].geometry.coordinates) : null;
    if (!map || !at) { return; }
    if (!statusRingLayer) { statusRingLayer = L.layerGroup().addTo(map); }
    var color = /^#[0-9a-fA-F]{6}$/.test(String(row.color)) ? String(row.color) : "#9e9e9e";
    var ring = L.circleMarker(at, { radius: 15 * (config && config.symbolScale || 1), color: color, weight: 4,
                                    fill: false, interactive: true });
    var text = document.createElement("span");
    text.textContent = String(row.label || "");
    ring.bindTooltip(text);
    ring.addTo(statusRingLayer);
    statusRings[id].ring = ring;
  }
  S.setStatusRings = function (rows) {
    Object.keys(statusRings).forEach(function (id) { if (statusRings[id].ring) { statusRings[id].ring.remove(); } });
    statusRings = {};
    (rows || []).forEach(drawStatusRing);
    return Object.keys(statusRings).length;
  };
  S.setStatusRing = function (row) { drawStatusRing(row); };
  S.statusRings = function () {
    return Object.keys(statusRings).sort().map(function (id) {
      var r = statusRings[id];
      return { householdId: id, color: r.ring ? r.ring.options.color : null, label: String(r.row.label || ""),
               drawn: !!(r.ring && map && map.hasLayer(r.ring)) };
    });
  };

  // ---------------------------------------------------------------- watch lines
  function householdLatLng(id) { return features[id] ? toLatLng(features[id].geometry.coordinates) : null; }

  function isInNetwork(householdId) {
    return Object.keys(lines).some(function (lid) {
      var spec = lines[lid].spec;
      return spec.personId === highlightedPerson && (spec.from === householdId || spec.to === householdId);
    });
  }

  function lineStyle(spec) {
    var st = (config.lineStyles || {})[spec.role] || { color: "#555", weight: 3 };
    var on = highlightedPerson === null || spec.personId === highlightedPerson;
    return { color: st.color, weight: on && highlightedPerson !== null ? st.weight + 3 : st.weight,
             dashArray: st.dashArray || null, opacity: on ? 0.95 : 0.15, interactive: false };
  }

  function drawLine(spec) {
    var a = householdLatLng(spec.from), b = householdLatLng(spec.to);
    var entry = lines[spec.id];
    if (entry) { entry.line.remove(); }
    lines[spec.id] = { spec: spec, line: null };
    if (!a || !b) { return; }
    var line = L.polyline([a, b], lineStyle(spec));
    lines[spec.id].line = line;
    line.addTo(lineLayer);  // the layer itself leaves the map when lines are hidden
  }

  function redrawLinesOf(householdId) {
    if (!lineLayer) { return; }
    Object.keys(lines).forEach(function (lid) {
      var spec = lines[lid].spec;
      if (spec.from === householdId || spec.to === householdId) { drawLine(spec); }
    });
  }

  S.setLines = function (specs) {
    Object.keys(lines).forEach(function (lid) { if (lines[lid].line) { lines[lid].line.remove(); } });
    lines = {};
    (specs || []).forEach(drawLine);
    return Object.keys(lines).length;
  };
  S.showLines = function (on) {
    linesVisible = !!on;
    if (linesVisible) { lineLayer.addTo(map); } else { lineLayer.remove(); }
    return linesVisible;
  };
  S.highlightPerson = function (personId) {
    highlightedPerson = personId;
    Object.keys(lines).forEach(function (lid) { if (lines[lid].line) { lines[lid].line.setStyle(lineStyle(lines[lid].spec)); } });
    redrawAll();
    return highlightedPerson;
  };
  S.setGaps = function (householdIds) {
    gaps = {};
    (householdIds || []).forEach(function (id) { gaps[id] = true; });
    redrawAll();
    return Object.keys(gaps).length;
  };

  // ---------------------------------------------------------------- legend
  // The legend is docked beside or below the map, outside Leaflet's container: it never covers a
  // household. Closed, it is a button at the edge. Python keeps its state (open or closed) across starts.
  var legendBox = null, legendToggle = null, legendOpen = true, printMode = false, hazardBox = null;

  function addLegend() {
    var outer = document.createElement("aside");
    outer.className = "sasaeai-legend";
    var h = document.createElement("button");
    h.type = "button"; h.className = "legend-toggle";
    h.title = config.labels.toggleLegend || "";
    outer.appendChild(h);
    var box = document.createElement("div"); box.className = "legend-body"; box.id = "sasaeai-legend-body";
    h.setAttribute("aria-controls", box.id);
    outer.appendChild(box);
    function row(sym, label, ring) {
      var r = document.createElement("div"); r.className = "row";
      var icon = document.createElement("span"); icon.appendChild(svgFor(sym, Math.round(18 * scale()), ring));
      r.appendChild(icon);
      var t = document.createElement("span"); t.textContent = label; r.appendChild(t);
      box.appendChild(r);
    }
    (config.legend || []).forEach(function (c) { row(c, c.label, false); });
    row(NONE_SYMBOL, config.labels.otherHousehold, false);
    row(NONE_SYMBOL, config.labels.personOfConcern, true);
    row(PLACE_SYMBOL, config.labels.place, false);
    var g = document.createElement("div"); g.className = "row";
    var gb = document.createElement("span"); gb.className = "gap-badge legend-badge"; gb.textContent = "!"; g.appendChild(gb);
    var gt = document.createElement("span"); gt.textContent = config.labels.gap || ""; g.appendChild(gt);
    box.appendChild(g);
    Object.keys(config.lineStyles || {}).forEach(function (role) {
      var st = config.lineStyles[role];
      var r = document.createElement("div"); r.className = "row";
      var sw = document.createElement("span");
      var swatch = svgNode("svg", { width: 26, height: 10 });
      var stroke = { x1: 1, y1: 5, x2: 25, y2: 5, stroke: st.color, "stroke-width": st.weight };
      if (st.dashArray) { stroke["stroke-dasharray"] = st.dashArray; }
      swatch.appendChild(svgNode("line", stroke));
      sw.appendChild(swatch);
      r.appendChild(sw);
      var t = document.createElement("span"); t.textContent = st.label; r.appendChild(t);
      box.appendChild(r);
    });
    hazardBox = document.createElement("div"); hazardBox.className = "legend-hazards";
    box.appendChild(hazardBox);  // filled by setHazards: one switch and the colour scale per kind
    h.addEventListener("click", function () {
      setLegendOpen(!legendOpen);
      if (bridge) { bridge.legendToggled(legendOpen); }
    });
    document.body.appendChild(outer);  // after Leaflet's container: beside it or below it
    legendBox = outer; legendToggle = h;
    var wanted = config.legendOpen;
    // Unless the user chose: open where there is room, a button on a small view.
    if (wanted === null || wanted === undefined) {
      wanted = document.body.clientWidth >= 700 && document.body.clientHeight >= 500;
    }
    setLegendOpen(wanted);
  }

  function setLegendOpen(open) {
    legendOpen = !!open || printMode;  // a printed map always explains its symbols
    legendBox.classList.toggle("closed", !legendOpen);
    legendToggle.setAttribute("aria-expanded", legendOpen ? "true" : "false");
    legendToggle.textContent = (config.legendTitle || "Legend") + (printMode ? "" : legendOpen ? " ▾" : " ▸");
    layoutLegend();
    return legendOpen;
  }

  // Beside the map or below it: whichever leaves the base map drawn larger (a wide town map in a tall
  // view gets the legend below it, in columns).
  function layoutLegend() {
    if (!legendBox) { return; }
    var body = document.body, size = extentSize();
    var dock = "right";
    if (size) {
      var W = body.clientWidth, H = body.clientHeight;
      body.classList.remove("legend-right"); body.classList.add("legend-bottom");
      var below = Math.min(W / size[0], (H - legendBox.offsetHeight) / size[1]);
      body.classList.remove("legend-bottom"); body.classList.add("legend-right");
      var beside = Math.min((W - legendBox.offsetWidth) / size[0], H / size[1]);
      if (below > beside) { dock = "below"; }
    }
    body.classList.toggle("legend-right", dock === "right");
    body.classList.toggle("legend-bottom", dock === "below");
    if (map) { map.invalidateSize({ pan: false }); fitBase(); }
  }

  S.legendOpen = function () { return legendOpen; };
  S.setLegendOpen = function (open) { return setLegendOpen(open); };

  // ---------------------------------------------------------------- credits
  // Leaflet's own attribution control sets its text as HTML; an MBTiles attribution or a layer's credit
  // line is text from a file, so the page shows credits with this control instead: text nodes only.
  var creditControl = null;
  var Credits = L.Control.extend({
    options: { position: "bottomright" },
    initialize: function (options) { L.setOptions(this, options); this._lines = []; },
    onAdd: function () {
      this._container = L.DomUtil.create("div", "leaflet-control-attribution sasaeai-credits");
      L.DomEvent.disableClickPropagation(this._container);
      this._update();
      return this._container;
    },
    addLine: function (text) {
      text = String(text || "");
      if (text) { this._lines.push(text); this._update(); }
      return this;
    },
    removeLine: function (text) {
      var i = this._lines.indexOf(String(text));
      if (i >= 0) { this._lines.splice(i, 1); this._update(); }
      return this;
    },
    _update: function () {
      var box = this._container;
      if (!box) { return; }
      while (box.firstChild) { box.removeChild(box.firstChild); }
      var seen = Object.create(null);  // a credit may read "__proto__"
      this._lines.forEach(function (text) {
        if (seen[text]) { return; }
        seen[text] = true;
        if (box.firstChild) { box.appendChild(document.createTextNode(" | ")); }
        var line = document.createElement("span");
        line.textContent = text;
        box.appendChild(line);
      });
      box.style.display = box.firstChild ? "" : "none";
    }
  });

  // ---------------------------------------------------------------- base map
  function markBaseLoaded() {
    if (baseLoaded) { return; }
    baseLoaded = true;
    if (bridge) { bridge.baseLoaded(); }
  }

  // The base map's extent: a scanned map's pixels, a georeferenced image's or an MBTiles pack's bounds.
  function baseBounds() {
    var b = config.base;
    if (b.bounds) { return L.latLngBounds([b.bounds[1], b.bounds[0]], [b.bounds[3], b.bounds[2]]); }
    if (b.kind === "image" && b.width && b.height) { return L.latLngBounds([0, 0], [b.height, b.width]); }
    return null;
  }
  // Its width and height in screen pixels at one zoom (their ratio is the same at every zoom).
  function extentSize() {
    var bounds = baseBounds();
    if (!map || !bounds) { return null; }
    var z = config.base.kind === "image" && !config.base.bounds ? 0 : 10;
    var sw = map.project(bounds.getSouthWest(), z), ne = map.project(bounds.getNorthEast(), z);
    var w = Math.abs(ne.x - sw.x), h = Math.abs(ne.y - sw.y);
    return w > 0 && h > 0 ? [w, h] : null;
  }

  // The base map fills the view (no bands of zoom steps): refitted whenever the view changes size,
  // until the user pans or zooms; from then on the user's view stays.
  var userMoved = false, fitting = false;
  function fitBase() {
    var bounds = baseBounds();
    if (!map || !bounds || userMoved) { return; }
    var size = map.getSize();
    if (size.x <= 0 || size.y <= 0) { return; }
    var snap = map.options.zoomSnap;
    fitting = true;
    map.options.zoomSnap = 0;  // the exact zoom that fits, not the step below it
    try {
      map.fitBounds(bounds, { animate: false, padding: [0, 0] });
    } finally {
      map.options.zoomSnap = snap;
      fitting = false;
    }
  }
  function userMove() { if (!fitting) { userMoved = true; } }
  function watchUserMoves() {
    map.on("dragstart", userMove);
    map.on("zoomstart", userMove);
    map.getContainer().addEventListener("keydown", function (ev) {
      if (/^(Arrow|Page|Home|End)/.test(ev.key) || ev.key === "+" || ev.key === "-") { userMove(); }
    });
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(function () { map.invalidateSize({ pan: false }); fitBase(); }).observe(map.getContainer());
      new ResizeObserver(function () { layoutLegend(); }).observe(document.body);
    }
  }
  S.refit = function () { userMoved = false; fitBase(); return true; };

  function addBase() {
    var b = config.base, bounds = baseBounds();
    creditControl.addLine(b.attribution);
    if (b.kind === "image") {
      var overlay = L.imageOverlay(b.url, bounds, { className: "sasaeai-base-image" });
      overlay.on("load", markBaseLoaded);
      overlay.on("error", function () { log("base map image failed to load"); markBaseLoaded(); });
      overlay.addTo(map);
      fitBase();
      map.setMaxBounds(bounds.pad(0.5));
    } else if (b.kind === "mbtiles") {
      var layer = L.tileLayer(b.url, {
        minZoom: b.minZoom, maxNativeZoom: b.maxZoom, maxZoom: b.maxZoom + 3,
        noWrap: true
      });
      layer.on("load", markBaseLoaded);
      layer.addTo(map);
      if (bounds) { fitBase(); } else { map.setView([config.center[0], config.center[1]], b.minZoom); }
    } else {
      map.getContainer().classList.add("plain-background");
      map.setView([config.center[0], config.center[1]], config.zoom || 16);
      markBaseLoaded();
    }
  }

  // ---------------------------------------------------------------- start
  S.attach = function (leafletMap, cfg) {
    map = leafletMap; config = cfg;
    (cfg.legend || []).forEach(function (c) { categories[c.code] = c; });
    creditControl = new Credits().addTo(map);
    document.documentElement.style.fontSize = Math.round(100 * scale()) + "%";
    map.setMinZoom(cfg.zoomRange[0]);
    map.setMaxZoom(cfg.zoomRange[1]);
    // Symbols sit above the watch lines (overlayPane, z 400) and below tooltips and the drag handle.
    map.createPane("symbols").style.zIndex = 450;
    // Hazard zones lie over the base map (an image overlay, z 400) and under the households, and never take
    // a click (see setHazards). Made after Leaflet's overlay pane: at the same z-index it is drawn above it.
    var hazardPane = map.createPane("hazards");
    hazardPane.style.zIndex = 400;
    hazardPane.style.pointerEvents = "none";
    renderer = L.canvas({ padding: 0.3, tolerance: 4, pane: "symbols" });
    var drawLayers = renderer._draw;
    renderer._draw = function () { drawLayers.call(this); labelPass(this); };
    addLegend();  // first: the map's box is its final size when the base map is fitted into it
    addBase();
    watchUserMoves();
    lineLayer = L.layerGroup().addTo(map);
    referenceLayer = L.layerGroup().addTo(map);
    map.on("zoomend moveend", function () { syncMarkers(); updateLabels(); });
    map.on("click", function (ev) {
      S.select(null);
      if (bridge) { bridge.mapClicked(ev.latlng.lng, ev.latlng.lat); }
    });
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined") {
      return;  // opened outside the app (e.g. in a browser for debugging)
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      pendingLog.splice(0).forEach(log);
      // Python calls arrive in order as one signal: [reply id or null, ...arguments].
      bridge.invoke.connect(function (name, argsJson) {
        var args = JSON.parse(argsJson);
        var replyId = args.shift();
        var fn = S[name];
        var result = null;
        if (typeof fn !== "function") {
          log("unknown page function: " + name);
        } else {
          try { result = fn.apply(null, args); } catch (e) { log(name + " failed: " + e); }
        }
        if (replyId !== null) { bridge.reply(replyId, JSON.stringify(result === undefined ? null : result)); }
      });
      bridge.pageReady();
      if (baseLoaded) { bridge.baseLoaded(); }
    });
  };
})();
