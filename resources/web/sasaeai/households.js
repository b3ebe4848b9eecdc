/* Sasaeai Map page, part 2 of 5: the town's households held in typed arrays and drawn in one canvas pass.
 *
 * Python sends a town as columns in one binary message (app/maps/query.py PageColumns), fetched once from
 * the app's scheme at the one-time URL setFeatures is given: positions as a Float64Array, map numbers as
 * Int32, a Uint16 index into the town's few distinct category sets, a Uint8 of flags, the ids as one string
 * of fixed-width UUIDs, names and addresses as one UTF-16 string each with where each one ends. No object
 * per household: one pass over the arrays draws those in view on one canvas, and a grid of the drawn
 * symbols answers clicks and hovers. Only the selected household gets a DOM handle that can be dragged.
 */
(function () {
  "use strict";
  var S = window.sasaeai, P = S._;
  var LABEL_LIMIT = 400;       // map numbers are drawn when at most this many symbols are in view
  var ID_WIDTH = 36;           // a UUID as str(uuid.UUID) writes it
  var CELL = 32;               // pixels: the hit grid's cell
  var TOLERANCE = 4;           // pixels round a symbol that still count as a click on it
  P.dense = 3000;              // more symbols than this in view: drawn as plain shapes, one path per category set

  // The households: slot i of every array is one household; a removed one is no longer alive.
  var H = P.H = { n: 0, cap: 0, live: 0, ids: [], labels: [], addresses: [], texts: [], slot: new Map(), upserted: new Set(),
                  xy: new Float64Array(0), num: new Int32Array(0), set: new Uint16Array(0),
                  flags: new Uint8Array(0), alive: new Uint8Array(0) };
  var CONCERN = 1, APPROXIMATE = 2;
  // The town's distinct category sets: their codes (priority order), symbol, whether the filter shows them and how
  // many live households have them (a filter counts what it shows from these, not from every household).
  var sets = { codes: [], index: new Map(), sym: [], shown: [], live: [] };
  var places = P.places = new Map();  // id -> GeoJSON Feature of a gathering place
  var numText = new Map();             // slot -> a map number that is not a whole number (shown as sent, as text)
  // Ids as Python sends a list of them: one string of fixed-width UUIDs, or (other ids) a list.
  P.idList = function (ids) {
    if (typeof ids !== "string") { return ids || []; }
    var out = new Array(ids.length / ID_WIDTH);
    for (var i = 0; i < out.length; i++) { out[i] = ids.substr(i * ID_WIDTH, ID_WIDTH); }
    return out;
  };
  function numberOf(s) { return numText.has(s) ? numText.get(s) : H.num[s]; }
  P.labelsOn = true;

  // Room for an eighth more households than asked, where the first adds go: new arrays of a city's size made on an
  // edit set off a full collection of the page's heap (the first add at 150,000 households: 60-150 ms).
  function grow(need) {
    if (need <= H.cap) { return; }
    var cap = Math.max(need + (need >> 3), H.cap * 2, 64);
    function bigger(Type, old, width) { var a = new Type(cap * width); a.set(old); return a; }
    H.xy = bigger(Float64Array, H.xy, 2); H.num = bigger(Int32Array, H.num, 1); H.set = bigger(Uint16Array, H.set, 1);
    H.flags = bigger(Uint8Array, H.flags, 1); H.alive = bigger(Uint8Array, H.alive, 1);
    H.cap = cap;
  }
  function symbolOf(codes) {
    var best = null;
    codes.forEach(function (code) {
      var c = P.categories[code];
      if (c && (best === null || c.priority < best.priority)) { best = c; }
    });
    return best || P.NONE_SYMBOL;
  }
  function setShown(codes) {
    var f = P.filter;
    if (f === null) { return true; }
    if (codes.length === 0) { return f.indexOf("none") >= 0; }
    return codes.some(function (c) { return f.indexOf(c) >= 0; });
  }
  function internSet(codes) {
    codes = (codes || []).map(String);
    var key = codes.join("\u001f"), i = sets.index.get(key);
    if (i === undefined) {
      i = sets.codes.length;
      sets.index.set(key, i); sets.codes.push(codes); sets.sym.push(symbolOf(codes)); sets.shown.push(setShown(codes));
      sets.live.push(0);
    }
    return i;
  }
  function clear() {
    H.n = H.live = 0; H.ids = []; H.labels = []; H.addresses = []; H.texts = []; H.slot = new Map(); H.upserted = new Set();
    H.alive.fill(0); sets.live.fill(0);
    places.clear(); numText.clear();
  }
  // Columns of households (c: their header, buf: the message it describes) appended after those already held
  // (setFeatures starts from none).
  function part(c, buf, name, Type) {
    var p = c.parts[name];
    return new Type(buf, p[0], p[1] / Type.BYTES_PER_ELEMENT);
  }
  function texts(c, buf, name) {  // a UTF-16 string as sent (a leading U+FEFF is text, not a byte order mark)
    return new TextDecoder("utf-16le", { ignoreBOM: true }).decode(part(c, buf, name, Uint8Array));
  }
  // Names and addresses stay in their two strings; one is cut out when it is shown (textOf). The ends are
  // copied: the message itself can go.
  function textsOf(c, buf, start, n) {
    return { start: start, n: n,
             labels: texts(c, buf, "labels"), labelsEnds: part(c, buf, "labelEnds", Uint32Array).slice(),
             addresses: texts(c, buf, "addresses"), addressesEnds: part(c, buf, "addressEnds", Uint32Array).slice() };
  }
  function addColumns(c, buf) {
    var n = c.count || 0, start = H.n;
    if (!n) { return; }
    grow(start + n);
    H.xy.set(part(c, buf, "xy", Float64Array), 2 * start);
    H.num.set(part(c, buf, "mapNumber", Int32Array), start);
    H.flags.set(part(c, buf, "flags", Uint8Array), start);
    var local = (c.catSets || []).map(internSet), raw = part(c, buf, "catSet", Uint16Array);
    var ids = new TextDecoder("utf-8").decode(part(c, buf, "ids", Uint8Array));
    H.texts.push(textsOf(c, buf, start, n));
    for (var i = 0; i < n; i++) {
      var s = start + i, id = ids.substr(i * ID_WIDTH, ID_WIDTH);
      var old = H.slot.get(id);
      if (old !== undefined && H.alive[old]) {  // sent again: the newer wins
        H.alive[old] = 0; H.live--; sets.live[H.set[old]]--;
      }
      H.set[s] = local[raw[i]]; H.alive[s] = 1; sets.live[H.set[s]]++;
      H.ids[s] = id;
      H.slot.set(id, s);
    }
    H.n = start + n; H.live += n;
  }
  // The binary message of the households' columns, fetched once from the one-time URL Python made for it.
  function fetchColumns(c) {
    if (!c || !c.url) { return Promise.resolve(null); }
    return fetch(String(c.url), { cache: "no-store" }).then(function (response) {
      if (!response.ok) { throw new Error("the message was not served (" + response.status + ")"); }
      return response.arrayBuffer();
    });
  }
  // One household as a GeoJSON Feature (upsert): written into its slot, or a new slot at the end.
  function putHousehold(f) {
    var id = String(f.id), p = f.properties, s = H.slot.get(id);
    if (s === undefined || !H.alive[s]) {
      grow(H.n + 1); s = H.n++; H.slot.set(id, s); H.ids[s] = id; H.alive[s] = 1; H.live++;
    } else {
      sets.live[H.set[s]]--;
    }
    H.xy[2 * s] = f.geometry.coordinates[0]; H.xy[2 * s + 1] = f.geometry.coordinates[1];
    var number = p.mapNumber;
    if (typeof number === "number" && (number | 0) === number) { H.num[s] = number; numText.delete(s); } else { numText.set(s, number); }
    H.set[s] = internSet(p.categories); sets.live[H.set[s]]++;
    H.flags[s] = (p.ofConcern ? CONCERN : 0) | (p.approximate ? APPROXIMATE : 0);
    H.labels[s] = String(p.label === undefined || p.label === null ? "" : p.label); H.upserted.add(s);
    H.addresses[s] = String(p.address === undefined || p.address === null ? "" : p.address);
  }
  function dropHousehold(id) {
    var s = H.slot.get(id);
    if (s === undefined) { return false; }
    H.slot.delete(id);
    if (H.alive[s]) { H.alive[s] = 0; H.live--; sets.live[H.set[s]]--; }
    return true;
  }
  // A household's label or address (key "labels" or "addresses"): as set since (upsert, setLabels), or as sent.
  function textOf(s, key) {
    var own = H[key][s];
    if (own !== undefined) { return own; }
    for (var k = H.texts.length - 1; k >= 0; k--) {
      var t = H.texts[k], i = s - t.start, ends = t[key + "Ends"];
      if (i >= 0 && i < t.n) { return t[key].substring(i ? ends[i - 1] : 0, ends[i]); }
    }
    return "";
  }
  function propsOf(s) {
    var f = H.flags[s];
    return { layer: "household", mapNumber: numberOf(s), label: textOf(s, "labels"), address: textOf(s, "addresses"),
             categories: sets.codes[H.set[s]].slice(), ofConcern: !!(f & CONCERN), approximate: !!(f & APPROXIMATE) };
  }
  function featureOf(s) {
    return { type: "Feature", id: H.ids[s], geometry: { type: "Point", coordinates: [H.xy[2 * s], H.xy[2 * s + 1]] },
             properties: propsOf(s) };
  }
  // Where a household or place is: [x, y] in the town's CRS (lng/lat or pixels), or null.
  P.coordsOf = function (id) {
    var s = H.slot.get(id);
    if (s !== undefined && H.alive[s]) { return [H.xy[2 * s], H.xy[2 * s + 1]]; }
    var f = places.get(id);
    return f ? f.geometry.coordinates : null;
  };
  P.latLngOf = function (id) { var c = P.coordsOf(id); return c ? L.latLng(c[1], c[0]) : null; };
  P.hasFeature = function (id) { return P.coordsOf(id) !== null; };
  function visibleSlot(s) { return H.alive[s] && sets.shown[H.set[s]]; }
  function visiblePlace(f) { return P.filter === null || P.filter.indexOf("place") >= 0; }
  function householdSize(concern) { return Math.round((concern ? 30 : 24) * P.scale()); }

  // Every font the map draws text in on its canvas (the symbols' letters, the "?" and "!" signs, the map numbers,
  // the reference layers' symbols) at the symbols' scale, used once on a canvas of its own: while the page starts
  // (before any household) and when the scale changes. On Linux a font's first use asks the app's font service and
  // the page's thread waits for the answer; asked while a city's households were drawn, the answer was seen never
  // to come (the page's thread pool all taken, 8 of 112 fresh opens under load): the page hung until the app ended
  // it. Used here first, each font is in the page's font cache when the households are drawn.
  P.warmFonts = function () {
    var ctx = document.createElement("canvas").getContext("2d"), sym = { color: "#000000", shape: "circle" };
    [householdSize(false), householdSize(true), Math.round(P.REFERENCE_PX * P.scale())].forEach(function (size) {
      [P.PLACE_SYMBOL.letter, "0"].forEach(function (letter) {
        sym.letter = letter;
        P.paintSymbol(ctx, sym, size, 20, 20, { approximate: true, gap: true });
      });
    });
    P.paintLabel(ctx, 0, householdSize(false) / 2 - 2, 20, 20, false, false);
  };
  // The symbols' scale taken up: Leaflet's sizes (in rem) and the canvas's fonts. While the page starts and when the
  // scale changes.
  P.applyScale = function () {
    document.documentElement.style.fontSize = Math.round(100 * P.scale()) + "%";
    P.warmFonts();
  };

  // ---------------------------------------------------------------- the canvas layer
  // drawn: what the last pass drew. Entry n: its id, position in the canvas's pixels, hit radius, z (the order it
  // is painted in: a household's slot; the places after every household) and whether it is in the map's view.
  // A household's entry is found from its slot (slotN); the grid of 32-pixel cells lists the entries in each.
  var PLACE_Z = 1e9;
  var drawn = newDrawn(null);
  function newDrawn(min) {
    return { x: [], y: [], r: [], id: [], z: [], v: [], grid: new Map(), min: min, slotN: new Int32Array(0),
             topLeft: null, box: null, dense: false, count: 0, shown: 0, shownExact: true, labelW: 0 };
  }
  var HouseholdLayer = L.Layer.extend({
    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "sasaeai-households leaflet-zoom-hide");
      map.getPane("symbols").appendChild(this._canvas);
      map.on("moveend zoomend resize viewreset", this.redraw, this);
      this.redraw();
    },
    onRemove: function (map) {
      map.off("moveend zoomend resize viewreset", this.redraw, this);
      L.DomUtil.remove(this._canvas);
    },
    // The canvas covers the view and 10 % round it (a short pan shows no gap), then every symbol in it.
    redraw: function () {
      var map = this._map;
      if (!map) { return; }
      var size = map.getSize(), pad = size.multiplyBy(0.1).round(), full = size.add(pad.multiplyBy(2));
      var min = pad.multiplyBy(-1), topLeft = map.containerPointToLayerPoint(min).round();
      var ratio = window.devicePixelRatio || 1, canvas = this._canvas;
      L.DomUtil.setPosition(canvas, topLeft);
      canvas.width = Math.max(1, Math.round(full.x * ratio)); canvas.height = Math.max(1, Math.round(full.y * ratio));
      canvas.style.width = full.x + "px"; canvas.style.height = full.y + "px";
      var ctx = canvas.getContext("2d");
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      dropScratch();
      paintAll(map, ctx, topLeft, full, min);
    },
    // Only the neighbourhoods of these households (their old and new places) painted again; false: not possible
    // here (nothing drawn yet, a highlighted network, or the change turns plain shapes or map numbers on or off).
    repaintSlots: function (slots) {
      var map = this._map;
      if (!map || !drawn.min || P.highlightedPerson !== null || drawn.ratio !== (window.devicePixelRatio || 1)) { return false; }
      return repaintSlots(map, this._canvas.getContext("2d"), slots);
    }
  });

  // The map's own view as numbers (no LatLng made per household), and whether a position is in such a box.
  function viewBox(map) {
    var b = map.getBounds();
    return { s: b.getSouth(), n: b.getNorth(), w: b.getWest(), e: b.getEast() };
  }
  function inBox(b, lng, lat) { return lat >= b.s && lat <= b.n && lng >= b.w && lng <= b.e; }
  // Extents round a symbol's centre, in pixels: its rings and badges (extent), its map number below right.
  function extent() { return householdSize(true) / 2 + 14; }
  function labelHeight() { return Math.round(11 * P.scale()) + 6; }
  function labelWidthBound(s) { return String(numberOf(s)).length * Math.round(11 * P.scale()) + 8; }

  function paintAll(map, ctx, topLeft, full, min) {
    drawn = newDrawn(min);
    drawn.topLeft = topLeft; drawn.ratio = window.devicePixelRatio || 1;
    var bounds = L.latLngBounds(map.layerPointToLatLng(topLeft), map.layerPointToLatLng(topLeft.add(full)));
    var box = drawn.box = { s: bounds.getSouth(), n: bounds.getNorth(), w: bounds.getWest(), e: bounds.getEast() };
    var xy = H.xy, inView = [];
    for (var s = 0; s < H.n; s++) {
      if (!visibleSlot(s)) { continue; }
      var lng = xy[2 * s], lat = xy[2 * s + 1];
      if (lat >= box.s && lat <= box.n && lng >= box.w && lng <= box.e) { inView.push(s); }
    }
    var placeList = [];
    places.forEach(function (f, id) {
      if (!visiblePlace(f)) { return; }
      var c = f.geometry.coordinates;
      if (c[1] >= box.s && c[1] <= box.n && c[0] >= box.w && c[0] <= box.e) { placeList.push(f); }
    });
    var pts = new Array(inView.length);
    for (var k = 0; k < inView.length; k++) {
      var t = inView[k], pt = map.latLngToLayerPoint([xy[2 * t + 1], xy[2 * t]]);
      pts[k] = [pt.x - topLeft.x, pt.y - topLeft.y];
    }
    var placePts = placeList.map(function (f) {
      var pt = map.latLngToLayerPoint([f.geometry.coordinates[1], f.geometry.coordinates[0]]);
      return [pt.x - topLeft.x, pt.y - topLeft.y];
    });
    drawn.dense = inView.length > P.dense; drawn.count = inView.length;
    // Map numbers only when few are in view (counted in the map's own view, not the padded canvas).
    var view = viewBox(map), shownCount = 0, cap = LABEL_LIMIT + 64;
    drawn.slotN = new Int32Array(Math.max(H.cap, 1)).fill(-1);
    var inMap = new Uint8Array(inView.length);
    for (k = 0; k < inView.length; k++) {
      if (inBox(view, xy[2 * inView[k]], xy[2 * inView[k] + 1])) { inMap[k] = 1; shownCount++; }
    }
    drawn.shown = Math.min(shownCount, cap); drawn.shownExact = shownCount < cap;
    P.labelsOn = shownCount <= LABEL_LIMIT;
    var r0 = householdSize(false) / 2 + 2, rc = householdSize(true) / 2 + 2;
    for (k = 0; k < inView.length; k++) {
      var i = inView[k];
      remember(H.ids[i], pts[k][0], pts[k][1], drawn.dense ? r0 : ((H.flags[i] & CONCERN) ? rc : r0), i, inMap[k]);
      drawn.slotN[i] = drawn.id.length - 1;
      if (P.labelsOn) { drawn.labelW = Math.max(drawn.labelW, labelWidthBound(i)); }
    }
    placeList.forEach(function (f, n) {
      remember(String(f.id), placePts[n][0], placePts[n][1], householdSize(false) / 2 + 2, PLACE_Z + n, 0);
    });
    paintList(ctx, inView, pts, placeList, placePts);
  }

  // The households (slots, in slot order, at pts) and places given, painted as one full pass paints them: the
  // safety check's rings, the symbols (plain shapes when drawn.dense), the places, then the map numbers.
  function paintList(ctx, slots, pts, placeList, placePts) {
    var highlight = P.highlightedPerson !== null, net = highlight ? P.networkHouseholds() : null;
    var sel = P.selectedId, rings = P.statusRings, scale = P.scale(), k;
    // The safety check's rings first: each round its household's symbol, under it.
    for (k = 0; k < slots.length; k++) {
      var ring = rings[H.ids[slots[k]]];
      if (!ring) { continue; }
      ctx.beginPath(); ctx.arc(pts[k][0], pts[k][1], 15 * scale, 0, 2 * Math.PI);
      ctx.lineWidth = 4; ctx.strokeStyle = ring.color; ctx.globalAlpha = 1; ctx.stroke();
    }
    if (drawn.dense) {
      paintDense(ctx, slots, pts, highlight, net);
    } else {
      for (k = 0; k < slots.length; k++) {
        var i = slots[k], id = H.ids[i], concern = !!(H.flags[i] & CONCERN), size = householdSize(concern);
        P.paintSymbol(ctx, sets.sym[H.set[i]], size, pts[k][0], pts[k][1], {
          concern: concern, approximate: !!(H.flags[i] & APPROXIMATE), gap: !!P.gaps[id], selected: id === sel,
          faded: highlight && !net[id] });
      }
    }
    placeList.forEach(function (f, n) {
      P.paintSymbol(ctx, P.PLACE_SYMBOL, householdSize(false), placePts[n][0], placePts[n][1],
                    { selected: String(f.id) === sel, faded: highlight });
    });
    // Map numbers go on in a second pass, so no symbol covers another's number; only when few are in view.
    if (!P.labelsOn) { return; }
    for (k = 0; k < slots.length; k++) {
      var j = slots[k], c2 = !!(H.flags[j] & CONCERN);
      P.paintLabel(ctx, numberOf(j), householdSize(c2) / 2 - 2, pts[k][0], pts[k][1], c2, highlight && !net[H.ids[j]]);
    }
  }
  // Thousands in view (a whole city): one path per category set (in the sets' order), filled and stroked once,
  // without letters; the dashed red ring of concern in one more path.
  function paintDense(ctx, slots, pts, highlight, net) {
    var bySet = [], concernPath = new Path2D(), r = householdSize(false) / 2 - 2;
    for (var k = 0; k < slots.length; k++) {
      var i = slots[k], x = pts[k][0], y = pts[k][1], set = H.set[i];
      var path = bySet[set];
      if (!path) { path = bySet[set] = new Path2D(); }
      path.moveTo(x + r, y); path.arc(x, y, r, 0, 2 * Math.PI);
      if (H.flags[i] & CONCERN) { concernPath.moveTo(x + r + 5, y); concernPath.arc(x, y, r + 5, 0, 2 * Math.PI); }
    }
    ctx.save();
    if (highlight) { ctx.globalAlpha = 0.25; }
    ctx.setLineDash([4, 2]); ctx.lineWidth = 3; ctx.strokeStyle = "#d62728"; ctx.stroke(concernPath); ctx.setLineDash([]);
    for (var set2 = 0; set2 < bySet.length; set2++) {
      if (!bySet[set2]) { continue; }
      ctx.fillStyle = String(sets.sym[set2].color); ctx.fill(bySet[set2]);
      ctx.lineWidth = 1.5; ctx.strokeStyle = "#1a1a1a"; ctx.stroke(bySet[set2]);
    }
    ctx.restore();
    // The selected one, the gaps and the highlighted network keep their full symbols on top.
    for (k = 0; k < slots.length; k++) {
      var j = slots[k], id = H.ids[j];
      if (id === P.selectedId || P.gaps[id] || (highlight && net[id])) {
        var concern = !!(H.flags[j] & CONCERN);
        P.paintSymbol(ctx, sets.sym[H.set[j]], householdSize(concern), pts[k][0], pts[k][1], {
          concern: concern, approximate: !!(H.flags[j] & APPROXIMATE), gap: !!P.gaps[id], selected: id === P.selectedId });
      }
    }
  }
  function cellKey(gx, gy) { return (gx + 32768) * 65536 + (gy + 32768); }
  function remember(id, x, y, r, z, inMap) {
    var n = drawn.id.length;
    drawn.id.push(id); drawn.x.push(x); drawn.y.push(y); drawn.r.push(r); drawn.z.push(z); drawn.v.push(inMap);
    gridAdd(n);
  }
  function gridAdd(n) {
    var key = cellKey(Math.floor(drawn.x[n] / CELL), Math.floor(drawn.y[n] / CELL)), cell = drawn.grid.get(key);
    if (cell) { cell.push(n); } else { drawn.grid.set(key, [n]); }
  }
  function gridDrop(n) {
    var key = cellKey(Math.floor(drawn.x[n] / CELL), Math.floor(drawn.y[n] / CELL)), cell = drawn.grid.get(key);
    var at = cell ? cell.indexOf(n) : -1;
    if (at >= 0) { cell.splice(at, 1); if (!cell.length) { drawn.grid.delete(key); } }
  }
  function slotEntry(s) { return s < drawn.slotN.length ? drawn.slotN[s] : -1; }

  // The partial repaint: each changed household's entry is moved (or added, or dropped) in the grid, then the
  // boxes round its old and new places are cleared and every symbol the grid has near them is painted again, in
  // its z order, clipped to the box: the same pixels as a full pass.
  function repaintSlots(map, ctx, slotList) {
    var box = drawn.box, topLeft = drawn.topLeft, view = viewBox(map), xy = H.xy, changes = [];
    var count = drawn.count, shown = drawn.shown;
    for (var k = 0; k < slotList.length; k++) {
      var s = slotList[k], n = slotEntry(s), lng = xy[2 * s], lat = xy[2 * s + 1];
      var now = !!visibleSlot(s) && inBox(box, lng, lat);
      var inMap = now && inBox(view, lng, lat) ? 1 : 0;
      count += (now ? 1 : 0) - (n >= 0 ? 1 : 0);
      shown += inMap - (n >= 0 ? drawn.v[n] : 0);
      changes.push({ s: s, n: n, now: now, inMap: inMap });
    }
    // Plain shapes or map numbers turned on or off: the whole canvas.
    if ((count > P.dense) !== drawn.dense) { return false; }
    var labelsOn = drawn.shownExact ? shown <= LABEL_LIMIT : (shown <= LABEL_LIMIT ? null : false);
    if (labelsOn === null || labelsOn !== P.labelsOn) { return false; }
    drawn.count = count; drawn.shown = shown;
    var E = extent(), LH = labelHeight(), rects = [];
    function around(x, y, labelW) { return [x - E, y - E, x + E + (P.labelsOn ? labelW : 0), y + E + (P.labelsOn ? LH : 0)]; }
    changes.forEach(function (c) {
      if (c.n >= 0) {
        rects.push(around(drawn.x[c.n], drawn.y[c.n], drawn.labelW));
        gridDrop(c.n);
      }
      if (!c.now) {
        if (c.n >= 0) { drawn.id[c.n] = null; drawn.slotN[c.s] = -1; }
        return;
      }
      var pt = map.latLngToLayerPoint([xy[2 * c.s + 1], xy[2 * c.s]]), x = pt.x - topLeft.x, y = pt.y - topLeft.y;
      var r = householdSize(drawn.dense ? false : !!(H.flags[c.s] & CONCERN)) / 2 + 2;
      if (P.labelsOn) { drawn.labelW = Math.max(drawn.labelW, labelWidthBound(c.s)); }
      var n = c.n;
      if (n < 0) {
        remember(H.ids[c.s], x, y, r, c.s, c.inMap);
        n = drawn.id.length - 1;
        if (c.s >= drawn.slotN.length) {
          var bigger = new Int32Array(Math.max(H.cap, c.s + 1)).fill(-1); bigger.set(drawn.slotN); drawn.slotN = bigger;
        }
        drawn.slotN[c.s] = n;
      } else {
        drawn.id[n] = H.ids[c.s]; drawn.x[n] = x; drawn.y[n] = y; drawn.r[n] = r; drawn.v[n] = c.inMap;
        gridAdd(n);
      }
      rects.push(around(x, y, drawn.labelW));
    });
    var ext = [E, E, E + (P.labelsOn ? drawn.labelW : 0), E + (P.labelsOn ? LH : 0)];  // left, up, right, down
    var reach = Math.max(ext[2], ext[3]);  // how far from a box a symbol's centre can be and still paint in it
    function near(rc) {
      var out = [], gx0 = Math.floor((rc[0] - reach) / CELL), gx1 = Math.floor((rc[2] + reach) / CELL);
      var gy0 = Math.floor((rc[1] - reach) / CELL), gy1 = Math.floor((rc[3] + reach) / CELL);
      for (var gx = gx0; gx <= gx1; gx++) {
        for (var gy = gy0; gy <= gy1; gy++) {
          var cell = drawn.grid.get(cellKey(gx, gy));
          if (!cell) { continue; }
          for (var q = 0; q < cell.length; q++) {
            var n = cell[q], x = drawn.x[n], y = drawn.y[n];
            if (drawn.id[n] !== null && x - ext[0] < rc[2] && x + ext[2] > rc[0] && y - ext[1] < rc[3] && y + ext[3] > rc[1]) {
              out.push(n);
            }
          }
        }
      }
      return out;
    }
    // The boxes in the canvas's own pixels, whole pixels. Boxes so near that one symbol could paint in both become
    // their union: then no symbol painted for one box paints in another, and every box is painted on the scratch
    // canvas before any is copied (once a box is copied the canvas shares the scratch's bitmap, and painting there
    // again copied all of it: an add's boxes cost the page twice what they do now).
    var ratio = drawn.ratio, boxes = [];
    var reachW = (ext[0] + ext[2]) * ratio + 1, reachH = (ext[1] + ext[3]) * ratio + 1;  // a symbol's paint's size
    rects.forEach(function (rc) {
      var box = [Math.max(0, Math.floor(rc[0] * ratio)), Math.max(0, Math.floor(rc[1] * ratio)),
                 Math.min(ctx.canvas.width, Math.ceil(rc[2] * ratio)),
                 Math.min(ctx.canvas.height, Math.ceil(rc[3] * ratio))];
      if (box[2] <= box[0] || box[3] <= box[1]) { return; }
      for (var k = 0; k < boxes.length; k++) {
        var o = boxes[k];
        if (box[0] - o[2] < reachW && o[0] - box[2] < reachW && box[1] - o[3] < reachH && o[1] - box[3] < reachH) {
          boxes.splice(k, 1);
          box = [Math.min(box[0], o[0]), Math.min(box[1], o[1]), Math.max(box[2], o[2]), Math.max(box[3], o[3])];
          k = -1;  // the union may now be near a box already passed
        }
      }
      boxes.push(box);
    });
    if (!boxes.length) { return true; }
    // Every symbol that paints in a box is painted whole, at the very same pixels, on a scratch canvas of the
    // canvas's size, and the box is copied across: a clip through a symbol, or the same symbol painted at other
    // coordinates, lets the rasterizer smooth its edges a little differently from a full pass.
    var off = scratch(ctx.canvas.width, ctx.canvas.height), octx = off.getContext("2d");
    boxes.forEach(function (box) {
      var hit = near([box[0] / ratio, box[1] / ratio, box[2] / ratio, box[3] / ratio]);
      hit.sort(function (a, b) { return drawn.z[a] - drawn.z[b]; });
      var slots = [], pts = [], placeList = [], placePts = [];
      hit.forEach(function (n) {
        if (drawn.z[n] >= PLACE_Z) {
          placeList.push(places.get(drawn.id[n])); placePts.push([drawn.x[n], drawn.y[n]]);
        } else {
          slots.push(drawn.z[n]); pts.push([drawn.x[n], drawn.y[n]]);
        }
      });
      octx.setTransform(1, 0, 0, 1, 0, 0); octx.clearRect(box[0], box[1], box[2] - box[0], box[3] - box[1]);
      octx.setTransform(ratio, 0, 0, ratio, 0, 0);
      paintList(octx, slots, pts, placeList, placePts);
    });
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1; ctx.globalCompositeOperation = "source-over"; ctx.imageSmoothingEnabled = false;
    boxes.forEach(function (box) {
      var w = box[2] - box[0], h = box[3] - box[1];
      ctx.clearRect(box[0], box[1], w, h);
      ctx.drawImage(off, box[0], box[1], w, h, box[0], box[1], w, h);
    });
    ctx.restore();
    return true;
  }
  // The scratch canvas lives from an edit to the next full pass (a pan, a zoom, a filter), which lets it go:
  // a second bitmap of the canvas's size only while edits are being made (making one per edit costs more).
  var scratchCanvas = null;
  function scratch(w, h) {
    if (!scratchCanvas) { scratchCanvas = document.createElement("canvas"); }
    if (scratchCanvas.width !== w || scratchCanvas.height !== h) { scratchCanvas.width = w; scratchCanvas.height = h; }
    return scratchCanvas;
  }
  function dropScratch() { if (scratchCanvas) { scratchCanvas.width = scratchCanvas.height = 0; scratchCanvas = null; } }
  // The household or place drawn under a point of the map's container, or null (the last painted wins).
  P.hitAt = function (containerPoint) {
    P.paintNow();
    if (!drawn.min) { return null; }
    var x = containerPoint.x - drawn.min.x, y = containerPoint.y - drawn.min.y, best = -1;
    var cx = Math.floor(x / CELL), cy = Math.floor(y / CELL);
    for (var gx = cx - 1; gx <= cx + 1; gx++) {
      for (var gy = cy - 1; gy <= cy + 1; gy++) {
        var cell = drawn.grid.get(cellKey(gx, gy));
        if (!cell) { continue; }
        for (var k = 0; k < cell.length; k++) {
          var n = cell[k], dx = drawn.x[n] - x, dy = drawn.y[n] - y, r = drawn.r[n] + TOLERANCE;
          if (dx * dx + dy * dy <= r * r && (best < 0 || drawn.z[n] > drawn.z[best])) { best = n; }
        }
      }
    }
    return best < 0 ? null : drawn.id[best];
  };
  // A change asks for a repaint; the repaint runs once, as the next task, however many changes asked (an edit
  // sends upsert then select: one pass, not two). A change to a few households asks for their neighbourhoods
  // only (P.redrawSlots); anything else for the whole canvas. Whatever reads what was drawn paints first
  // (paintNow), and so does the ping that ends a round trip from Python: "map updated" is measured with the paint.
  var paintPending = false, fullPending = false, dirtySlots = new Set();
  P.paints = { full: 0, partial: 0 };  // how many passes of each kind ran (tests check which one did)
  function schedule() {
    if (paintPending) { return; }
    paintPending = true;
    setTimeout(P.paintNow, 0);
  }
  P.redraw = function () { fullPending = true; dirtySlots.clear(); schedule(); };
  P.redrawSlots = function (slots) {
    if (!fullPending) { slots.forEach(function (s) { if (s !== undefined) { dirtySlots.add(s); } }); }
    schedule();
  };
  P.paintNow = function () {
    if (!paintPending) { return; }
    paintPending = false;
    var full = fullPending, slots = Array.from(dirtySlots);
    fullPending = false; dirtySlots.clear();
    if (!P.layer || !P.layer._map) { return; }
    if (!full && slots.length && P.layer.repaintSlots(slots)) { P.paints.partial++; return; }
    if (full || slots.length) { P.layer.redraw(); P.paints.full++; }
  };
  P.makeLayer = function () { return new HouseholdLayer(); };

  // Hover: the tooltip of what is under the pointer (with its safety-check status, if any).
  var hovered = null;
  P.onHover = function (ev) {
    var id = P.hitAt(ev.containerPoint);
    P.map.getContainer().classList.toggle("over-symbol", id !== null);
    if (id === hovered) { return; }
    hovered = id;
    if (id === null) { P.hideTip(); return; }
    S.showTooltip(id);
  };

  // ---------------------------------------------------------------- the drag handle
  // The handle of one size is kept and moved to the next household selected (an add selects the new one): a marker
  // made and put on the map at each select cost the page more than the symbols' repaint.
  var handle = null, handleId = null, handleSize = 0;
  P.updateHandle = function () {
    var id = P.selectedId, s = id === null ? undefined : H.slot.get(id);
    var ok = s !== undefined ? visibleSlot(s) : (id !== null && places.has(id) && visiblePlace(places.get(id)));
    if (!ok || P.config.editable === false) {
      if (handle) { handle.remove(); handle = null; }
      return;
    }
    var concern = s !== undefined && !!(H.flags[s] & CONCERN), size = householdSize(concern) + 8;
    handleId = id;
    if (handle && handleSize === size) { handle.setLatLng(P.latLngOf(id)); return; }
    if (handle) { handle.remove(); }
    var div = document.createElement("div");
    div.className = "drag-handle";
    div.title = P.config.labels.dragHint || "";
    handleSize = size;
    handle = L.marker(P.latLngOf(id), {
      draggable: true, keyboard: false, zIndexOffset: 1000,
      icon: L.divIcon({ html: div, className: "sasaeai-handle", iconSize: [size, size], iconAnchor: [size / 2, size / 2] })
    });
    handle.on("dragend", function (ev) {
      var ll = ev.target.getLatLng();
      if (P.bridge) { P.bridge.featureMoved(handleId, ll.lng, ll.lat); }
    });
    handle.on("click", function (ev) {
      L.DomEvent.stopPropagation(ev);
      if (P.bridge) { P.bridge.featureClicked(handleId); }
    });
    handle.addTo(P.map);
  };
  P.hasHandle = function () { return handle !== null; };

  // ---------------------------------------------------------------- the page's API
  function afterChange() { P.redraw(); P.paintNow(); P.redrawAllLines(); P.updateHandle(); }  // a whole town: now
  // The households come as a binary message (fetched first): the page's dispatcher (start.js) holds the calls made
  // after this one until the promise settles, so they run in the order Python made them.
  S.setFeatures = function (fc) {
    var t0 = performance.now();
    return fetchColumns(fc.households).then(function (buf) { return buf; }, function (e) {
      P.log("setFeatures: " + e);  // the town stays empty rather than half drawn
      return null;
    }).then(function (buf) {
      var t1 = performance.now();
      clear();
      if (buf) { addColumns(fc.households, buf); }
      (fc.features || []).forEach(putFeature);
      var t2 = performance.now();
      afterChange();
      // diagnostics: the message fetched, the town read, then drawn
      P.openTimes = { fetchMs: t1 - t0, readMs: t2 - t1, paintMs: performance.now() - t2 };
      return H.live + places.size;
    });
  };
  // The labels and addresses of the households setFeatures sent without them (the window reads and sends them while
  // those are drawn; app/maps/query.py layer_texts), in the same order. Until then a tooltip shows the map number alone; a
  // household upserted or labelled (setLabels) since keeps its own.
  // A failed fetch is the call's result (a string), not a report: the app reports it only if this page is still the
  // one shown; a page being replaced has its fetch ended by the navigation (MapView.set_texts).
  S.setTexts = function (c) {
    return fetchColumns(c).then(function (buf) {
      var first = H.texts[0];
      if (!buf || !first || first.start !== 0 || first.n !== c.count) { return false; }  // not for these households
      H.texts[0] = textsOf(c, buf, 0, c.count);  // in place of the empty ones setFeatures got
      return true;
    }, function (e) { return String(e) || "failed"; });
  };
  // A household goes into the columns, anything else (a gathering place) is kept as its Feature.
  function putFeature(feature) {
    var id = String(feature.id);
    if (feature.properties.layer === "household") { places.delete(id); putHousehold(feature); } else { dropHousehold(id); places.set(id, feature); }
  }
  // A household changed: only its old and new neighbourhoods are painted again. A place: the whole canvas.
  // Labels sent after the households (an unnamed household's first member): nothing drawn shows a label.
  // A household upserted since setFeatures keeps the label the upsert gave it (it is newer).
  S.setLabels = function (c) {
    var ids = P.idList(c.ids), labels = c.labels || [];
    for (var i = 0; i < ids.length; i++) {
      var s = H.slot.get(String(ids[i]));
      if (s !== undefined && H.alive[s] && !H.upserted.has(s)) { H.labels[s] = String(labels[i]); }
    }
    return true;
  };
  S.upsert = function (feature) {
    var id = String(feature.id), wasPlace = places.has(id), before = H.slot.get(id);
    putFeature(feature);
    if (wasPlace || places.has(id)) { P.redraw(); } else { P.redrawSlots([before, H.slot.get(id)]); }
    P.redrawLinesOf(id);
    if (id === P.selectedId) { P.updateHandle(); }
    return true;
  };
  // Python refused a move (off the base map): the drag handle goes back onto the household's symbol.
  S.putBack = function (id) {
    id = String(id);
    if (id === P.selectedId) { P.updateHandle(); }
    return P.hasFeature(id);
  };
  S.remove = function (id) {
    id = String(id);
    var s = H.slot.get(id), wasPlace = places.has(id);
    dropHousehold(id); places.delete(id);
    if (P.selectedId === id) { P.selectedId = null; P.updateHandle(); }
    if (wasPlace) { P.redraw(); } else { P.redrawSlots([s]); }
    return true;
  };
  S.setFilter = function (codes) {
    P.filter = codes;
    for (var i = 0; i < sets.codes.length; i++) { sets.shown[i] = setShown(sets.codes[i]); }
    P.redraw();
    P.updateHandle();
    return visibleCount();
  };
  function visibleCount() {
    var n = 0;
    for (var i = 0; i < sets.live.length; i++) { if (sets.shown[i]) { n += sets.live[i]; } }
    places.forEach(function (f) { if (visiblePlace(f)) { n++; } });
    return n;
  }
  S.select = function (id, pan) {
    var before = P.selectedId;
    P.selectedId = id === null ? null : String(id);
    if (places.has(before) || places.has(P.selectedId)) { P.redraw(); } else { P.redrawSlots([H.slot.get(before), H.slot.get(P.selectedId)]); }
    P.updateHandle();
    var at = P.selectedId === null ? null : P.latLngOf(P.selectedId);
    if (pan && at) {
      P.userMoved = true;  // the view goes to the household found: a resize keeps it there
      // At the zoom the base map was fitted to: panTo would snap it to a whole step (17.48 → 17, the town
      // shrunk to 0.7 of its size on choosing a person); setView with no zoom keeps the zoom as it is.
      P.map.setView(at, undefined, { pan: { animate: true } });
      S.showTooltip(P.selectedId);  // found by search: say which one it is
    }
    return P.selectedId;
  };
  // Symbols and numbers in a new size (a projector, a large-text user); the page keeps its households.
  S.setScale = function (value) {
    P.config.symbolScale = value;
    P.applyScale();
    P.redraw();
    P.updateHandle();
    return value;
  };
  S.showTooltip = function (id) {
    id = String(id);
    var s = H.slot.get(id), ring = P.statusRings[id];
    if (s !== undefined && H.alive[s]) {
      P.showTip(propsOf(s), P.latLngOf(id), ring ? [ring.label] : []);
      return true;
    }
    var f = places.get(id) || P.referenceFeature(id);
    if (!f) { return false; }
    P.showTip(f.properties, L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]));
    return true;
  };

  // For tests and the screenshot: what the page holds and shows right now.
  S.visibleIds = function () {
    var out = [];
    for (var s = 0; s < H.n; s++) { if (visibleSlot(s)) { out.push(H.ids[s]); } }
    places.forEach(function (f, id) { if (visiblePlace(f)) { out.push(id); } });
    return out;
  };
  // Everything the page holds about households and places (what a privacy check must look at).
  S.featureData = function () {
    var out = [];
    for (var s = 0; s < H.n; s++) { if (H.alive[s]) { out.push(featureOf(s)); } }
    places.forEach(function (f) { out.push(f); });
    return out;
  };
  // What the last canvas pass drew: [id, x, y] in the map container's pixels and the symbol's category code.
  S.drawnSymbols = function () {
    P.paintNow();
    var order = [];
    for (var n = 0; n < drawn.id.length; n++) { if (drawn.id[n] !== null) { order.push(n); } }
    order.sort(function (a, b) { return drawn.z[a] - drawn.z[b]; });
    return order.map(function (n) {
      var id = drawn.id[n], s = H.slot.get(id), code = s === undefined ? "place" : sets.sym[H.set[s]].code;
      return [id, drawn.x[n] + drawn.min.x, drawn.y[n] + drawn.min.y, code];
    });
  };
  S.householdCount = function () { return H.live; };
  P.positions = function () {
    var out = {};
    for (var s = 0; s < H.n; s++) { if (H.alive[s]) { out[H.ids[s]] = [H.xy[2 * s], H.xy[2 * s + 1]]; } }
    places.forEach(function (f, id) { out[id] = [f.geometry.coordinates[0], f.geometry.coordinates[1]]; });
    return out;
  };
})();
