/* Sasaeai Map page, part 5 of 5: the base map, fitting it into the view, and the start: the channel to Python is
 * opened as soon as the page has loaded, and the town's Leaflet map is made when Python says which (begin).
 */
(function () {
  "use strict";
  var S = window.sasaeai, P = S._;
  P.baseLoaded = false;
  P.addMode = false;

  function markBaseLoaded() {
    if (P.baseLoaded) { return; }
    P.baseLoaded = true;
    if (P.bridge) { P.bridge.baseLoaded(); }
  }

  // The base map's extent: a scanned map's pixels, a georeferenced image's or an MBTiles pack's bounds.
  function baseBounds() {
    var b = P.config.base;
    if (b.bounds) { return L.latLngBounds([b.bounds[1], b.bounds[0]], [b.bounds[3], b.bounds[2]]); }
    if (b.kind === "image" && b.width && b.height) { return L.latLngBounds([0, 0], [b.height, b.width]); }
    return null;
  }
  // Its width and height in screen pixels at one zoom (their ratio is the same at every zoom).
  P.extentSize = function () {
    var bounds = baseBounds(), map = P.map;
    if (!map || !bounds) { return null; }
    var z = P.config.base.kind === "image" && !P.config.base.bounds ? 0 : 10;
    var sw = map.project(bounds.getSouthWest(), z), ne = map.project(bounds.getNorthEast(), z);
    var w = Math.abs(ne.x - sw.x), h = Math.abs(ne.y - sw.y);
    return w > 0 && h > 0 ? [w, h] : null;
  };

  // The base map fills the view (no bands of zoom steps): refitted whenever the view changes size,
  // until the user pans or zooms; from then on the user's view stays.
  var fitting = false;
  P.fitBase = function () {
    var bounds = baseBounds(), map = P.map;
    if (!map || !bounds || P.userMoved) { return; }
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
  };
  function userMove() { if (!fitting) { P.userMoved = true; } }
  function watchUserMoves() {
    var map = P.map;
    map.on("dragstart", userMove);
    map.on("zoomstart", userMove);
    map.getContainer().addEventListener("keydown", function (ev) {
      if (/^(Arrow|Page|Home|End)/.test(ev.key) || ev.key === "+" || ev.key === "-") { userMove(); }
    });
    if (typeof ResizeObserver !== "undefined") {
      new ResizeObserver(function () { map.invalidateSize({ pan: false }); P.fitBase(); }).observe(map.getContainer());
      new ResizeObserver(function () { P.layoutLegend(); }).observe(document.body);
    }
  }
  S.refit = function () { P.userMoved = false; P.fitBase(); return true; };

  function addBase() {
    var b = P.config.base, bounds = baseBounds(), map = P.map, config = P.config;
    P.creditControl.addLine(b.attribution);
    if (b.kind === "image") {
      var overlay = L.imageOverlay(b.url, bounds, { className: "sasaeai-base-image" });
      overlay.on("load", markBaseLoaded);
      overlay.on("error", function () { P.log("base map image failed to load"); markBaseLoaded(); });
      overlay.addTo(map);
      P.fitBase();
      map.setMaxBounds(bounds.pad(0.5));
    } else if (b.kind === "mbtiles") {
      var layer = L.tileLayer(b.url, {
        minZoom: b.minZoom, maxNativeZoom: b.maxZoom, maxZoom: b.maxZoom + 3,
        noWrap: true
      });
      layer.on("load", markBaseLoaded);
      layer.addTo(map);
      if (bounds) { P.fitBase(); } else { map.setView([config.center[0], config.center[1]], b.minZoom); }
    } else {
      map.getContainer().classList.add("plain-background");
      map.setView([config.center[0], config.center[1]], config.zoom || 16);
      markBaseLoaded();
    }
  }

  S.setAddMode = function (on) {
    P.addMode = !!on;
    P.map.getContainer().classList.toggle("add-mode", P.addMode);
    return P.addMode;
  };

  var MAP_ELEMENT = "map";  // the map's box (app/maps/page.py)

  // The town's map, as Python describes it: the kind of map (its CRS), Leaflet's options (numbers and booleans),
  // and the page's settings. A page is loaded, and its channel opened, before the app knows which town it will
  // show (the ledger is still being opened): it waits for this call, the first Python makes on it.
  S.begin = function (spec) {
    if (P.map) { P.log("begin: this page has its map already"); return false; }
    var crs = spec.crs === "pixel" ? L.CRS.Simple : L.CRS.EPSG3857;
    var map = L.map(MAP_ELEMENT, L.extend({}, spec.options, { crs: crs }));
    // A scale bar on a geographic map, in metres only: Leaflet's default adds feet and miles, which no one here reads.
    if (spec.crs !== "pixel") { L.control.scale({ imperial: false }).addTo(map); }
    attach(map, spec.config);
    return true;
  };

  function attach(leafletMap, cfg) {
    var map = P.map = leafletMap;
    P.config = cfg;
    (cfg.legend || []).forEach(function (c) { P.categories[c.code] = c; });
    P.creditControl = new P.Credits().addTo(map);
    P.applyScale();  // before any household is drawn (P.warmFonts)
    map.setMinZoom(cfg.zoomRange[0]);
    map.setMaxZoom(cfg.zoomRange[1]);
    // Symbols sit above the watch lines (overlayPane, z 400) and below tooltips and the drag handle.
    map.createPane("symbols").style.zIndex = 450;
    // Hazard zones lie over the base map (an image overlay, z 400) and under the households, and never take
    // a click (see setHazards). Made after Leaflet's overlay pane: at the same z-index it is drawn above it.
    var hazardPane = map.createPane("hazards");
    hazardPane.style.zIndex = 400;
    hazardPane.style.pointerEvents = "none";
    P.renderer = L.canvas({ padding: 0.3, tolerance: 4, pane: "symbols" });  // the reference layers' symbols
    P.addLegend();  // first: the map's box is its final size when the base map is fitted into it
    addBase();
    watchUserMoves();
    P.lineLayer = L.layerGroup().addTo(map);
    P.layer = P.makeLayer().addTo(map);  // every household and place, one canvas pass
    P.referenceLayer = L.layerGroup().addTo(map);
    // A click on a drawn symbol selects it; anywhere else it is a click on the map (a new household there).
    map.on("click", function (ev) {
      var id = P.hitAt(ev.containerPoint);
      if (id !== null) {
        S.select(id);
        if (P.bridge) { P.bridge.featureClicked(id); }
        return;
      }
      S.select(null);
      if (P.bridge) { P.bridge.mapClicked(ev.latlng.lng, ev.latlng.lat); }
    });
    map.on("mousemove", P.onHover);
  }

  function openChannel() {
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined") {
      // Opened outside the app (e.g. in a browser for debugging). In the app this would leave the map never ready:
      // said on the console, which the app logs and counts as a page error.
      console.error("no channel to the app: " + (typeof QWebChannel === "undefined" ? "qwebchannel.js not loaded"
                                                                                    : "qt.webChannelTransport missing"));
      return;
    }
    P.callTimes = Object.create(null);  // page function -> how long its last call took here
    new QWebChannel(qt.webChannelTransport, function (channel) {
      var bridge = P.bridge = channel.objects.bridge;
      P.flushLog();
      // Python calls arrive in order as one signal: [reply id or null, ...arguments]. A call that returns a promise
      // (setFeatures fetches the households first) holds the calls after it until it settles: they run in order.
      var held = [], waiting = false;
      function finish(name, replyId, t0, t1, chars, result) {
        // Diagnostics: the parse and the run of the last call of each function (e.g. the town's setFeatures).
        P.callTimes[name] = { chars: chars, parseMs: t1 - t0, runMs: performance.now() - t1 };
        if (replyId !== null) { bridge.reply(replyId, JSON.stringify(result === undefined ? null : result)); }
      }
      function run(name, argsJson) {
        var t0 = performance.now(), args = JSON.parse(argsJson), t1 = performance.now();
        var replyId = args.shift();
        var fn = S[name];
        var result = null;
        if (typeof fn !== "function" || name.charAt(0) === "_") {
          P.log("unknown page function: " + name);
        } else {
          try { result = fn.apply(null, args); } catch (e) { P.log(name + " failed: " + e); }
        }
        if (!result || typeof result.then !== "function") {
          finish(name, replyId, t0, t1, argsJson.length, result);
          return;
        }
        waiting = true;
        // What the calls wait on, for the app to ask when the page stops answering (MapView._watch_page)
        P.waitingOn = { call: name, sinceMs: Math.round(performance.now()) };
        result.then(function (value) { return value; }, function (e) { P.log(name + " failed: " + e); return null; })
          .then(function (value) {
            finish(name, replyId, t0, t1, argsJson.length, value);
            waiting = false;
            P.waitingOn = null;
            while (held.length && !waiting) { run.apply(null, held.shift()); }
          });
      }
      // "batch": calls Python made together (MapView.together), run in this one task: one repaint for them all.
      bridge.invoke.connect(function (name, argsJson) {
        var calls = name === "batch" ? JSON.parse(argsJson) : [[name, argsJson]];
        for (var i = 0; i < calls.length; i++) {
          if (waiting) { held.push(calls[i]); P.waitingOn.held = held.length; } else { run(calls[i][0], calls[i][1]); }
        }
      });
      bridge.pageReady();
    });
  }
  openChannel();
})();
