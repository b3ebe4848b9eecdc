/* Sasaeai Map page, part 4 of 5: the legend docked beside or below the map, the print layout, and what
 * the page reports of itself (state, printInfo).
 *
 * The legend sits outside Leaflet's container: it never covers a household. Closed, it is a button at
 * the edge. Python keeps its state (open or closed) across starts.
 */
(function () {
  "use strict";
  var S = window.sasaeai, P = S._;
  var legendBox = null, legendToggle = null, legendOpen = true, printMode = false;
  P.hazardBox = null;

  P.addLegend = function () {
    var config = P.config;
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
      var icon = document.createElement("span"); icon.appendChild(P.svgFor(sym, Math.round(18 * P.scale()), ring));
      r.appendChild(icon);
      var t = document.createElement("span"); t.textContent = label; r.appendChild(t);
      box.appendChild(r);
    }
    (config.legend || []).forEach(function (c) { row(c, c.label, false); });
    row(P.NONE_SYMBOL, config.labels.otherHousehold, false);
    row(P.NONE_SYMBOL, config.labels.personOfConcern, true);
    row(P.PLACE_SYMBOL, config.labels.place, false);
    var g = document.createElement("div"); g.className = "row";
    var gb = document.createElement("span"); gb.className = "gap-badge legend-badge"; gb.textContent = "!"; g.appendChild(gb);
    var gt = document.createElement("span"); gt.textContent = config.labels.gap || ""; g.appendChild(gt);
    box.appendChild(g);
    Object.keys(config.lineStyles || {}).forEach(function (role) {
      var st = config.lineStyles[role];
      var r = document.createElement("div"); r.className = "row";
      var sw = document.createElement("span");
      var swatch = P.svgNode("svg", { width: 26, height: 10 });
      var stroke = { x1: 1, y1: 5, x2: 25, y2: 5, stroke: st.color, "stroke-width": st.weight };
      if (st.dashArray) { stroke["stroke-dasharray"] = st.dashArray; }
      swatch.appendChild(P.svgNode("line", stroke));
      sw.appendChild(swatch);
      r.appendChild(sw);
      var t = document.createElement("span"); t.textContent = st.label; r.appendChild(t);
      box.appendChild(r);
    });
    P.hazardBox = document.createElement("div"); P.hazardBox.className = "legend-hazards";
    box.appendChild(P.hazardBox);  // filled by setHazards: one switch and the colour scale per kind
    h.addEventListener("click", function () {
      setLegendOpen(!legendOpen);
      if (P.bridge) { P.bridge.legendToggled(legendOpen); }
    });
    document.body.appendChild(outer);  // after Leaflet's container: beside it or below it
    legendBox = outer; legendToggle = h;
    var wanted = config.legendOpen;
    // Unless the user chose: open where there is room, a button on a small view.
    if (wanted === null || wanted === undefined) {
      wanted = document.body.clientWidth >= 700 && document.body.clientHeight >= 500;
    }
    setLegendOpen(wanted);
  };

  function setLegendOpen(open) {
    legendOpen = !!open || printMode;  // a printed map always explains its symbols
    legendBox.classList.toggle("closed", !legendOpen);
    legendToggle.setAttribute("aria-expanded", legendOpen ? "true" : "false");
    legendToggle.textContent = (P.config.legendTitle || "Legend") + (printMode ? "" : legendOpen ? " ▾" : " ▸");
    P.layoutLegend();
    return legendOpen;
  }

  // Beside the map or below it: whichever leaves the base map drawn larger (a wide town map in a tall
  // view gets the legend below it, in columns).
  P.layoutLegend = function () {
    if (!legendBox) { return; }
    var body = document.body, size = P.extentSize();
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
    if (P.map) { P.map.invalidateSize({ pan: false }); P.fitBase(); }
  };

  S.legendOpen = function () { return legendOpen; };
  S.setLegendOpen = function (open) { return setLegendOpen(open); };

  // Print layout: no zoom buttons; the legend open, beside or below the drawing (never on it).
  S.setPrintMode = function (on) {
    printMode = !!on;
    document.body.classList.toggle("print-mode", printMode);
    if (P.creditControl) { P.creditControl.fit(); }  // a printed map shows its credits whole
    var zoom = P.map.zoomControl ? P.map.zoomControl.getContainer() : null;
    if (zoom) { zoom.style.display = on ? "none" : ""; }
    setLegendOpen(legendOpen);
    return printMode;
  };
  function pageRect(el) {
    var r = el.getBoundingClientRect();
    return [r.left, r.top, r.width, r.height];
  }
  S.printInfo = function () {
    P.paintNow();
    // Where the drawing and the legend are on the page (the printed frame goes round the drawing only).
    var map = P.map;
    var info = { page: [document.documentElement.clientWidth, document.documentElement.clientHeight],
                 mapRect: pageRect(map.getContainer()), legendRect: legendBox ? pageRect(legendBox) : null };
    // Metres per screen pixel at the centre (geographic maps only), for the printed scale bar.
    if (P.config.base.kind === "image" && !P.config.base.bounds) { info.geographic = false; return info; }
    // Projected without Leaflet's rounding to whole pixels (latLngToContainerPoint rounds), which put the point
    // 100 px away up to half a pixel off: the printed scale bar's length moved by up to 0.5 % with where the
    // map's pane happened to sit.
    var z = map.getZoom(), c = map.getCenter();
    var other = map.unproject(map.project(c, z).add(L.point(100, 0)), z);
    info.geographic = true;
    info.metresPerPixel = map.distance(c, other) / 100;
    return info;
  };

  S.state = function () {
    P.paintNow();
    var map = P.map, ids = [];
    P.H.slot.forEach(function (s, id) { if (P.H.alive[s]) { ids.push(id); } });
    P.places.forEach(function (f, id) { ids.push(id); });
    return { ids: ids.sort(), visible: S.visibleIds().sort(), positions: P.positions(),
             baseLoaded: P.baseLoaded, selected: P.selectedId, addMode: P.addMode,
             handle: P.hasHandle() ? P.selectedId : null, labelsOn: P.labelsOn,
             lines: P.lineState(), linesVisible: P.linesVisible, references: P.referenceCount(),
             referencesShown: P.referenceLayer ? map.hasLayer(P.referenceLayer) : false,
             attribution: P.creditControl ? P.creditControl.getContainer().textContent : "",
             gaps: Object.keys(P.gaps).sort(), highlightedPerson: P.highlightedPerson };
  };
  S.ping = function () { P.paintNow(); return true; };  // a round trip ends with the map painted
  // The Leaflet map itself, for tests reading positions off the screen (runJavaScript only: not JSON).
  S.leafletMap = function () { return P.map; };
})();
