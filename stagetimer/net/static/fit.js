/* Big digits that fill their box: sized to the box for the widest text of the same shape
 * ("00:00" for any m:ss, so 10:00 → 9:59 does not jump), tabular figures so nothing jiggles. */
(function (window) {
  "use strict";
  var ST = window.StageTimer;

  function shapeOf(text) {
    var shape = String(text || "0:00").replace(/[0-9]/g, "0");
    // m:ss is drawn at the size of mm:ss, so crossing 10:00 keeps the size
    if (/^\+?0:00$/.test(shape)) {
      shape = shape.replace("0:00", "00:00");
    }
    return shape;
  }

  var probe = null;

  /** Set ``span``'s font size so ``text`` fills ``box`` (at most ``maxShare`` of its height). */
  function fitDigits(span, box, text, maxShare) {
    if (!box || !span) {
      return;
    }
    var shape = shapeOf(text);
    var width = box.clientWidth;
    var height = box.clientHeight;
    if (!width || !height) {
      return;
    }
    var key = shape + "|" + width + "x" + height;
    if (span.getAttribute("data-fit") === key) {
      return;
    }
    if (!probe) {
      probe = document.createElement("span");
      probe.className = "digits fit-probe";
      document.body.appendChild(probe);
    }
    probe.className = span.className + " fit-probe";
    probe.style.fontSize = "100px";
    probe.textContent = shape;
    var w = probe.getBoundingClientRect().width || 1;
    // The digits' line box is 1em high; Pretendard's figures stand about 0.72em tall inside it.
    var size = Math.min((width * 0.98 / w) * 100, height * (maxShare || 1.18));
    span.style.fontSize = Math.max(8, Math.floor(size)) + "px";
    span.setAttribute("data-fit", key);
  }

  ST.fitDigits = fitDigits;
})(window);
