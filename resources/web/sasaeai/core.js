/* Sasaeai Map page, part 1 of 5: the page's namespace, its log, symbols, tooltips and the credits control.
 *
 * Python calls window.sasaeai.* through the bridge's "invoke" signal; the page calls the "bridge" object
 * back (pageReady, baseLoaded, mapClicked, featureMoved, featureClicked, legendToggled, log). User text is
 * only ever set as textContent, never as HTML: no innerHTML, no HTML string handed to Leaflet (its
 * tooltips and divIcons take DOM nodes built here). The page's Content-Security-Policy lets only the
 * app's script files run; a violation is reported. The parts share their state in ``sasaeai._``; they are
 * loaded in order: core, households, overlays, legend, start.
 */
(function () {
  "use strict";
  var S = {};
  window.sasaeai = S;
  var P = S._ = {
    map: null, config: null, bridge: null,
    categories: {},          // code -> symbol definition
    filter: null,            // null = everything; otherwise a list of category codes
    selectedId: null,
    highlightedPerson: null,
    gaps: {},                // household id -> true: a person of concern there has no watcher
    statusRings: {},         // household id -> {row, color}: the safety check's rings, drawn with the households
    renderer: null,          // Leaflet's canvas renderer, for the reference layers' few symbols
    creditControl: null,
    userMoved: false
  };
  P.PLACE_SYMBOL = { code: "place", color: "#2e7d32", shape: "star", letter: "た" };
  P.NONE_SYMBOL = { code: "none", color: "#ffffff", shape: "circle", letter: "" };
  P.FONT = '"Noto Sans CJK JP", "Yu Gothic UI", "Meiryo", sans-serif';
  P.REFERENCE_PX = 18;  // a reference layer's symbol (a shelter), before the symbols' scale

  // What goes wrong before the channel is up (a CSP violation while the map is made) waits for it.
  var pendingLog = [];
  P.log = function (msg) {
    msg = String(msg);
    if (P.bridge) { P.bridge.log(msg); } else if (pendingLog.length < 100) { pendingLog.push(msg); }
  };
  P.flushLog = function () { pendingLog.splice(0).forEach(P.log); };
  document.addEventListener("securitypolicyviolation", function (ev) {
    P.log("CSP violation: " + ev.effectiveDirective + " blocked " + (ev.blockedURI || "(inline)") +
          (ev.sourceFile ? " from " + ev.sourceFile + ":" + ev.lineNumber : "") +
          (ev.sample ? " sample: " + ev.sample : ""));
  });
  window.addEventListener("error", function (ev) {
    P.log("JS error: " + ev.message + " at " + ev.filename + ":" + ev.lineno);
  });

  P.scale = function () { return (P.config && P.config.symbolScale) || 1; };

  // ---------------------------------------------------------------- symbols as SVG (the legend)
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
  P.svgNode = function (name, attrs) {
    var el = document.createElementNS(SVG_NS, name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, String(attrs[k])); });
    return el;
  };
  function shapeElement(shape, size) {
    var c = size / 2, r = size / 2 - 2, svgNode = P.svgNode;
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
  P.svgFor = S.svgFor = function (sym, size, ring) {
    var dark = String(sym.color).toLowerCase() === "#ffffff", svgNode = P.svgNode;
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
  };

  // ---------------------------------------------------------------- symbols on a canvas (the map)
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

  // One symbol at (x, y): o = {concern, approximate, gap, selected, faded}; size in pixels.
  P.paintSymbol = function (ctx, sym, size, x, y, o) {
    var r = size / 2 - 2, font = P.FONT;
    var white = String(sym.color).toLowerCase() === "#ffffff";
    ctx.save();
    if (o.faded) { ctx.globalAlpha = 0.25; }
    if (o.selected) {
      ctx.beginPath(); ctx.arc(x, y, r + 9, 0, 2 * Math.PI);
      ctx.fillStyle = "rgba(255, 212, 0, 0.85)"; ctx.fill();
      ctx.lineWidth = 2; ctx.strokeStyle = "#000"; ctx.stroke();
    }
    if (o.concern) {
      // A person of concern lives here: a dashed red ring (still visible in grey print).
      ctx.beginPath(); ctx.arc(x, y, r + 5, 0, 2 * Math.PI);
      ctx.setLineDash([4, 2]); ctx.lineWidth = 3; ctx.strokeStyle = "#d62728"; ctx.stroke(); ctx.setLineDash([]);
    }
    shapePath(ctx, sym.shape, x, y, r);
    ctx.fillStyle = String(sym.color); ctx.fill();
    ctx.lineWidth = 1.5; ctx.strokeStyle = white ? "#333" : "#1a1a1a"; ctx.stroke();
    if (sym.letter) {
      ctx.font = "bold " + Math.round(size * 0.5) + "px " + font;
      ctx.textAlign = "center"; ctx.textBaseline = "middle";
      if (!white) { ctx.lineWidth = 1; ctx.strokeStyle = "#000"; ctx.strokeText(String(sym.letter), x, y + 1); }
      ctx.fillStyle = white ? "#111" : "#fff"; ctx.fillText(String(sym.letter), x, y + 1);
    }
    if (o.approximate) {
      // Placed from the address only: a "?" until a volunteer pins the house (a sign, not colour only).
      var qx = x - r - 1, qy = y - r - 1;
      ctx.beginPath(); ctx.arc(qx, qy, 8, 0, 2 * Math.PI);
      ctx.fillStyle = "#ffffff"; ctx.fill(); ctx.lineWidth = 2; ctx.strokeStyle = "#000"; ctx.stroke();
      ctx.fillStyle = "#000"; ctx.font = "bold 12px " + font; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText("?", qx, qy + 1);
    }
    if (o.gap) {
      // Nobody watches over a person of concern here yet: a "!" badge (a sign, not colour only).
      var bx = x + r + 1, by = y - r - 1;
      ctx.fillStyle = "#ffd400"; ctx.fillRect(bx - 8, by - 8, 16, 16);
      ctx.lineWidth = 2; ctx.strokeStyle = "#000"; ctx.strokeRect(bx - 8, by - 8, 16, 16);
      ctx.fillStyle = "#000"; ctx.font = "bold 13px " + font; ctx.textAlign = "center"; ctx.textBaseline = "middle";
      ctx.fillText("!", bx, by + 1);
    }
    ctx.restore();
  };

  // A map number at the bottom-right of a symbol, where it least often covers a neighbour.
  P.paintLabel = function (ctx, number, r, x, y, concern, faded) {
    ctx.save();
    if (faded) { ctx.globalAlpha = 0.25; }
    var text = String(number), fontSize = Math.round(11 * P.scale()), boxH = fontSize + 2;
    ctx.font = "bold " + fontSize + "px " + P.FONT; ctx.textAlign = "left"; ctx.textBaseline = "top";
    var w = ctx.measureText(text).width + 4, tx = x + r - 3, ty = y + r - 3 + (concern ? 3 : 0);
    ctx.fillStyle = "rgba(255,255,255,0.9)"; ctx.fillRect(tx, ty, w, boxH);
    ctx.lineWidth = 1; ctx.strokeStyle = "rgba(0,0,0,0.35)"; ctx.strokeRect(tx, ty, w, boxH);
    ctx.fillStyle = "#111"; ctx.fillText(text, tx + 2, ty + 1);
    ctx.restore();
  };

  // ---------------------------------------------------------------- tooltips (text nodes only)
  var tip = null;
  // p: GeoJSON-like properties; extra: more lines (e.g. the safety check's status), each as text.
  P.tooltipFor = function (p, extra) {
    var el = document.createElement("div");
    el.className = "sasaeai-tooltip";
    if (p.mapNumber !== undefined && p.mapNumber !== null) {
      var n = document.createElement("span"); n.className = "num"; n.textContent = "No." + p.mapNumber; el.appendChild(n);
    }
    var name = document.createElement("span"); name.textContent = p.label || ""; el.appendChild(name);
    if (p.address) { var a = document.createElement("div"); a.textContent = p.address; el.appendChild(a); }
    if (p.schedule) { var s = document.createElement("div"); s.textContent = p.schedule; el.appendChild(s); }
    if (p.approximate) { var q = document.createElement("div"); q.textContent = P.config.labels.approximate || "?"; el.appendChild(q); }
    (extra || []).forEach(function (line) {
      if (line) { var d = document.createElement("div"); d.className = "status"; d.textContent = String(line); el.appendChild(d); }
    });
    return el;
  };
  P.showTip = function (props, latlng, extra) {
    if (!tip) { tip = L.tooltip({ direction: "top", offset: [0, -14] }); }
    tip.setLatLng(latlng).setContent(P.tooltipFor(props, extra)).openOn(P.map);
  };
  P.hideTip = function () { if (tip) { P.map.closeTooltip(tip); } };

  // ---------------------------------------------------------------- credits
  // Leaflet's own attribution control sets its text as HTML; an MBTiles attribution or a layer's credit
  // line is text from a file, so the page shows credits with this control instead: text nodes only.
  // Credits longer than a line lie over the map's corner: they fold into a "Sources" button (its label is
  // drawn by CSS, so the control's text stays the credits alone) that opens them; a printed map shows them whole.
  P.Credits = L.Control.extend({
    options: { position: "bottomright" },
    initialize: function (options) { L.setOptions(this, options); this._lines = []; this._open = false; },
    onAdd: function (map) {
      var box = this._container = L.DomUtil.create("div", "leaflet-control-attribution sasaeai-credits");
      box.setAttribute("data-label", (P.config && P.config.labels && P.config.labels.sources) || "Sources");
      L.DomEvent.disableClickPropagation(box);
      var self = this;
      function toggle() {
        if (!box.classList.contains("foldable")) { return; }
        self._open = !self._open;
        self.fit();
      }
      box.addEventListener("click", toggle);
      box.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); toggle(); }
      });
      map.on("resize", this.fit, this);
      this._update();
      return box;
    },
    onRemove: function (map) { map.off("resize", this.fit, this); },
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
        if (box.firstChild) {
          var sep = document.createElement("span");
          sep.className = "sep"; sep.textContent = " | ";
          box.appendChild(sep);
        }
        var line = document.createElement("span");
        line.textContent = text;
        box.appendChild(line);
      });
      box.style.display = box.firstChild ? "" : "none";
      this.fit();
    },
    // Folded when the credits take more than one line (and the user has not opened them), never when printing.
    fit: function () {
      var box = this._container;
      if (!box) { return; }
      box.classList.remove("folded", "foldable");
      box.removeAttribute("role"); box.removeAttribute("tabindex"); box.removeAttribute("aria-expanded");
      if (!box.firstChild || document.body.classList.contains("print-mode")) { return; }
      var style = window.getComputedStyle(box);
      var line = parseFloat(style.lineHeight) || 1.2 * parseFloat(style.fontSize) || 14;
      var inner = box.clientHeight - (parseFloat(style.paddingTop) || 0) - (parseFloat(style.paddingBottom) || 0);
      if (inner <= 1.5 * line) { return; }
      box.classList.add("foldable");
      box.classList.toggle("folded", !this._open);
      box.setAttribute("role", "button"); box.setAttribute("tabindex", "0");
      box.setAttribute("aria-expanded", this._open ? "true" : "false");
    }
  });
})();
