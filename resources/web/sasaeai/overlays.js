/* Sasaeai Map page, part 3 of 5: what lies over or under the households: reference layers, hazard zones,
 * the safety check's status rings, watch lines and the "nobody watches yet" badges.
 */
(function () {
  "use strict";
  var S = window.sasaeai, P = S._;

  // ---------------------------------------------------------------- reference layers
  // Imported public data: small symbols, a letter each, never draggable.
  var REFERENCE_SYMBOLS = {
    shelter: { color: "#66bb6a", shape: "square", letter: "避" },
    designated_shelter: { color: "#2e7d32", shape: "square", letter: "避" },
    community_hall: { color: "#8d6e63", shape: "pentagon", letter: "公" },
    clinic: { color: "#e57373", shape: "hexagon", letter: "医" }
  };
  var references = {};       // id -> ReferenceMarker
  var referenceCredits = [];
  P.referenceLayer = null;
  var ReferenceMarker = L.CircleMarker.extend({
    _updatePath: function () {
      if (!this._renderer._drawing || this._empty()) { return; }
      var f = this.feature, sym = REFERENCE_SYMBOLS[f.properties.kind] || P.NONE_SYMBOL;
      P.paintSymbol(this._renderer._ctx, sym, Math.round(P.REFERENCE_PX * P.scale()), this._point.x, this._point.y, {});
    },
    _empty: function () { return this._renderer._bounds && !this._renderer._bounds.intersects(this._pxBounds); }
  });
  P.referenceFeature = function (id) { return references[id] ? references[id].feature : null; };
  S.setReferences = function (fc, credits) {
    Object.keys(references).forEach(function (id) { references[id].remove(); });
    references = {};
    referenceCredits.forEach(function (c) { P.creditControl.removeLine(c); });
    referenceCredits = (credits || []).map(String);
    referenceCredits.forEach(function (c) { P.creditControl.addLine(c); });
    (fc.features || []).forEach(function (f) {
      var m = new ReferenceMarker(L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]),
                                  { renderer: P.renderer, radius: 10, bubblingMouseEvents: false });
      m.feature = f;
      m.on("mouseover", function () { P.showTip(f.properties, m.getLatLng()); });
      m.on("mouseout", P.hideTip);
      references[String(f.id)] = m;
      m.addTo(P.referenceLayer);
    });
    return Object.keys(references).length;
  };
  S.showReferences = function (on) {
    if (on) { P.referenceLayer.addTo(P.map); } else { P.referenceLayer.remove(); }
    return !!on;
  };
  P.referenceCount = function () { return Object.keys(references).length; };

  // ---------------------------------------------------------------- hazard zones
  // One switchable layer per kind (flood, storm surge, tsunami, sediment), filled in the official colour
  // scale Python sends (app/maps/hazard_layers.py), with its legend rows and credit line, all as text.
  // The zones sit in the "hazards" pane below the households and take no pointer events: a household
  // over a zone is clicked as anywhere else.
  var hazards = {};          // kind -> {group, shown, credits, count, label}
  function cssKey(key) { return String(key).replace(/[^a-z0-9_-]/gi, "_"); }
  function hazardCredits(h, on) {
    h.credits.forEach(function (c) { if (on) { P.creditControl.addLine(c); } else { P.creditControl.removeLine(c); } });
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
      var sw = P.svgNode("svg", { width: 22, height: 14 });
      sw.appendChild(P.svgNode("rect", { x: 1, y: 1, width: 20, height: 12, fill: String(entry.fill),
                                         stroke: "#555", "stroke-width": 1 }));
      var icon = document.createElement("span"); icon.appendChild(sw); r.appendChild(icon);
      var t = document.createElement("span"); t.textContent = String(entry.label || ""); r.appendChild(t);
      section.appendChild(r);
    });
    P.hazardBox.appendChild(section);
  }
  S.setHazards = function (layers) {
    var previous = hazards, hazardBox = P.hazardBox;
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
      if (h.shown) { group.addTo(P.map); hazardCredits(h, true); }
      if (hazardBox) { hazardLegend(kind, layer); }
    });
    P.layoutLegend();
    return Object.keys(hazards).length;
  };
  S.showHazard = function (kind, on) {
    var h = hazards[String(kind)];
    if (!h) { return false; }
    on = !!on;
    if (on !== h.shown) {
      h.shown = on;
      if (on) { h.group.addTo(P.map); } else { h.group.remove(); }
      hazardCredits(h, on);
    }
    var box = P.hazardBox ? P.hazardBox.querySelector('input[data-kind="' + cssKey(kind) + '"]') : null;
    if (box) { box.checked = on; }
    return on;
  };
  // For tests: each kind's switch, zones on the map and the fill each style key is drawn with.
  S.hazardState = function () {
    var out = {};
    Object.keys(hazards).forEach(function (kind) {
      var h = hazards[kind], fills = {}, count = 0;
      h.group.eachLayer(function (l) {
        var el = l.getElement ? l.getElement() : null;
        if (el && P.map.hasLayer(l)) {
          count++;
          fills[cssKey(l.feature.properties.style)] = el.getAttribute("fill");
        }
      });
      out[kind] = { shown: h.shown, zones: h.count, drawn: count, fills: fills, label: h.label };
    });
    return out;
  };

  // ---------------------------------------------------------------- safety check: status rings (issue 16)
  // One ring per household in its status colour, drawn on the households' canvas under the symbol;
  // its label shows as text in the household's tooltip.
  function putRing(row) {
    var id = String(row.householdId);
    var color = /^#[0-9a-fA-F]{6}$/.test(String(row.color)) ? String(row.color) : "#9e9e9e";
    P.statusRings[id] = { row: row, color: color, label: String(row.label || "") };
  }
  S.setStatusRings = function (rows) {
    P.statusRings = {};
    (rows || []).forEach(putRing);
    P.redraw();
    return Object.keys(P.statusRings).length;
  };
  S.setStatusRing = function (row) { putRing(row); P.redraw(); };
  S.statusRings = function () {
    return Object.keys(P.statusRings).sort().map(function (id) {
      var r = P.statusRings[id], on = P.hasFeature(id);
      return { householdId: id, color: on ? r.color : null, label: r.label, drawn: on && !!P.map };
    });
  };

  // ---------------------------------------------------------------- watch lines
  var lines = {};            // link id -> {line: L.Polyline, spec}
  var linesOf = new Map();   // household id -> the ids of the links that end there (an edit redraws only those)
  P.lineLayer = null;
  P.linesVisible = true;
  // Households in the highlighted person's network: id -> true.
  P.networkHouseholds = function () {
    var out = {};
    Object.keys(lines).forEach(function (lid) {
      var spec = lines[lid].spec;
      if (spec.personId === P.highlightedPerson) { out[spec.from] = true; out[spec.to] = true; }
    });
    return out;
  };
  function lineStyle(spec) {
    var st = (P.config.lineStyles || {})[spec.role] || { color: "#555", weight: 3 }, hp = P.highlightedPerson;
    var on = hp === null || spec.personId === hp;
    return { color: st.color, weight: on && hp !== null ? st.weight + 3 : st.weight,
             dashArray: st.dashArray || null, opacity: on ? 0.95 : 0.15, interactive: false };
  }
  function drawLine(spec) {
    var a = P.latLngOf(spec.from), b = P.latLngOf(spec.to);
    var entry = lines[spec.id];
    if (entry && entry.line) { entry.line.remove(); }
    lines[spec.id] = { spec: spec, line: null };
    if (!a || !b) { return; }
    var line = L.polyline([a, b], lineStyle(spec));
    lines[spec.id].line = line;
    line.addTo(P.lineLayer);  // the layer itself leaves the map when lines are hidden
  }
  P.redrawLinesOf = function (householdId) {
    var ids = linesOf.get(householdId);
    if (!P.lineLayer || !ids) { return; }
    ids.forEach(function (lid) { drawLine(lines[lid].spec); });
  };
  P.redrawAllLines = function () {
    if (!P.lineLayer) { return; }
    Object.keys(lines).forEach(function (lid) { drawLine(lines[lid].spec); });
  };
  P.lineState = function () {
    return Object.keys(lines).sort().map(function (lid) {
      var l = lines[lid];
      return { id: lid, drawn: !!(l.line && P.map.hasLayer(l.line)),
               latlngs: l.line ? l.line.getLatLngs().map(function (p) { return [p.lng, p.lat]; }) : [] };
    });
  };
  // The lines as Python sends them (view.set_lines): columns of ids and role numbers, one spec made per line here.
  function specsOf(c) {
    if (!c || Array.isArray(c)) { return c || []; }
    var ids = P.idList(c.ids), from = P.idList(c.from), to = P.idList(c.to), persons = P.idList(c.personIds);
    var roles = c.roles || [], names = c.roleNames || [], out = new Array(ids.length);
    for (var i = 0; i < ids.length; i++) {
      out[i] = { id: ids[i], from: from[i], to: to[i], role: names[roles[i]], personId: persons[i] };
    }
    return out;
  }
  function addLine(spec) {
    [spec.from, spec.to].forEach(function (hid) {
      var ids = linesOf.get(hid);
      if (!ids) { ids = new Set(); linesOf.set(hid, ids); }
      ids.add(spec.id);
    });
    drawLine(spec);
  }
  function removeLine(lid) {
    var entry = lines[lid];
    if (entry.line) { entry.line.remove(); }
    [entry.spec.from, entry.spec.to].forEach(function (hid) {
      var ids = linesOf.get(hid);
      if (ids) { ids.delete(lid); if (!ids.size) { linesOf.delete(hid); } }
    });
    delete lines[lid];
  }
  S.setLines = function (columns) {
    Object.keys(lines).forEach(function (lid) { if (lines[lid].line) { lines[lid].line.remove(); } });
    lines = {}; linesOf = new Map();
    specsOf(columns).forEach(addLine);
    return Object.keys(lines).length;
  };
  // One person's lines after a watcher was added to them, or edited, or ended (view.set_person_lines): the
  // other lines of the town stay as they are drawn.
  S.setPersonLines = function (personId, columns) {
    Object.keys(lines).forEach(function (lid) { if (lines[lid].spec.personId === personId) { removeLine(lid); } });
    specsOf(columns).forEach(function (spec) { if (spec.personId === personId) { addLine(spec); } });
    return Object.keys(lines).length;
  };
  S.showLines = function (on) {
    P.linesVisible = !!on;
    if (P.linesVisible) { P.lineLayer.addTo(P.map); } else { P.lineLayer.remove(); }
    return P.linesVisible;
  };
  S.highlightPerson = function (personId) {
    P.highlightedPerson = personId;
    Object.keys(lines).forEach(function (lid) { if (lines[lid].line) { lines[lid].line.setStyle(lineStyle(lines[lid].spec)); } });
    P.redraw();
    return P.highlightedPerson;
  };
  S.setGaps = function (householdIds) {
    P.gaps = {};
    (householdIds || []).forEach(function (id) { P.gaps[id] = true; });
    P.redraw();
    return Object.keys(P.gaps).length;
  };
})();
