/* Starting a view, and its tick: one setTimeout aimed at the next instant
 * anything shown changes (the next second boundary, a phase threshold, the
 * next minute for a clock on the wall, the end of a slew or a flash), so a
 * second flips when the show's second does, not up to a tick late.
 * Every flip is logged (window.stagetimerFlips) with the boundary it was
 * aimed at, so a test can measure how close the page keeps to the show.
 * ES5 only (old iPads run Safari 12).
 */
(function (window) {
  "use strict";

  var ST = window.StageTimer || (window.StageTimer = {});
  var document = window.document;
  var perf = window.performance;
  var clock = ST.clock;
  var showNow = ST.showNow;
  var perfWhen = ST.perfWhen;
  var timeOrigin = ST.timeOrigin;

  var FLIP_LIMIT = 240;
  var flips = [];
  window.stagetimerFlips = flips;

  function recordFlip(text, boundaryPerf) {
    var now = perf.now();
    flips.push({
      at: timeOrigin + now, // epoch ms when the text changed
      aimed: timeOrigin + boundaryPerf, // epoch ms of the boundary as this page estimates it
      text: text
    });
    if (flips.length > FLIP_LIMIT) {
      flips.splice(0, flips.length - FLIP_LIMIT);
    }
  }

  var view = null; // {name, render(frame), tick(info), wantsMinute, resize}
  var timer = null;
  var shownText = null;
  var aimedBoundary = null; // performance time the pending timer aims at
  var extraWake = null; // a view's own deadline (the end of a flash), performance time

  /** What the countdown of the current frame shows at performance time ``p`` (now when not given). */
  function reading(p) {
    var frame = ST.frame();
    var cd = frame ? frame.countdown : null;
    var r = ST.remainingOf(cd, clock.synced ? showNow(p) : undefined);
    var show = clock.synced ? showNow(p) : null; // the show's time of day this reading was taken at
    if (r === null) {
      return { countdown: cd, remaining: null, text: "", phase: "idle", show: show };
    }
    return {
      show: show,
      countdown: cd,
      remaining: r,
      text: ST.formatCountdown(r),
      phase: ST.phaseFor(r, cd.warning_ms, cd.danger_ms)
    };
  }

  /** The next instant anything shown changes, from the same reading (instant ``now``) the text came from:
   * read twice, a boundary falling between the two readings would be skipped for a whole second. */
  function nextWake(now) {
    var best = null;
    var frame = ST.frame();
    var cd = frame ? frame.countdown : null;
    aimedBoundary = null;
    if (cd && cd.running && clock.synced) {
      var r = ST.remainingOf(cd, showNow(now));
      if (!(cd.floor_zero && r <= 0)) {
        var raw = cd.zero_at_ms - showNow(now);
        // The display changes when the remaining time reaches the next whole second below it.
        var boundary = (Math.ceil(raw / 1000) - 1) * 1000;
        // The phase may change between two seconds' flips (thresholds need not be whole seconds).
        var marks = [boundary];
        if (cd.warning_ms && raw > cd.warning_ms) {
          marks.push(cd.warning_ms);
        }
        if (cd.danger_ms && raw > cd.danger_ms) {
          marks.push(cd.danger_ms);
        }
        if (raw >= 0) {
          marks.push(-0.001);
        }
        var mark = Math.max.apply(null, marks.filter(function (m) { return m < raw; }));
        aimedBoundary = perfWhen(cd.zero_at_ms - mark, now);
        best = aimedBoundary;
      }
    }
    if (view && view.wantsMinute && clock.synced) {
      var tod = showNow(now);
      var minute = (Math.floor(tod / 60000) + 1) * 60000;
      var at = perfWhen(minute, now);
      if (best === null || at < best) {
        best = at;
      }
    }
    if (clock.slewEnd > now && (best === null || clock.slewEnd < best)) {
      best = Math.min(clock.slewEnd, now + 1000);
    }
    if (extraWake !== null && (best === null || extraWake < best)) {
      best = extraWake;
    }
    return best;
  }

  /** Wake the tick at performance time ``p`` as well (a view's own deadline). */
  function wakeAt(p) {
    if (extraWake === null || p < extraWake) {
      extraWake = p;
    }
    schedule();
  }

  function schedule(now) {
    if (timer !== null) {
      window.clearTimeout(timer);
      timer = null;
    }
    if (now === undefined) {
      now = perf.now();
    }
    var at = nextWake(now);
    if (at === null) {
      return;
    }
    var delay = Math.max(0, at - now);
    timer = window.setTimeout(onTimer, delay);
  }

  function onTimer() {
    timer = null;
    var aimed = aimedBoundary;
    if (extraWake !== null && perf.now() >= extraWake) {
      extraWake = null;
    }
    // A timer may fire a hair early: the text decides, and an early wake just waits the rest.
    update(aimed);
  }

  function update(aimed) {
    var now = perf.now();
    var info = reading(now);
    if (info.text !== shownText) {
      if (aimed !== undefined && aimed !== null && shownText !== null && info.text) {
        recordFlip(info.text, aimed);
      }
      shownText = info.text;
    }
    if (view && view.tick) {
      view.tick(info);
    }
    ST.publishClock();
    schedule(now);
  }

  // -- Screen wake lock where the browser has one: a lectern screen must not doze off ----

  var wakeLock = null;

  function requestWakeLock() {
    var wl = window.navigator.wakeLock;
    if (!wl || document.visibilityState !== "visible" || wakeLock) {
      return;
    }
    try {
      wl.request("screen").then(function (lock) {
        wakeLock = lock;
        lock.addEventListener("release", function () { wakeLock = null; });
      }, function () { wakeLock = null; });
    } catch (e) {
      wakeLock = null;
    }
  }

  /** Start a view: ``spec`` = {name, render(frame), tick(reading), wantsMinute, resize}. */
  function start(spec) {
    view = spec;
    ST.on("frame", function (frame) {
      if (view.render) {
        view.render(frame);
      }
      update(null);
    });
    document.addEventListener("visibilitychange", function () {
      requestWakeLock(); // a lock is released whenever the tab is hidden
      if (document.visibilityState === "visible" && ST.state.connected) {
        ST.checkClock(4); // a tab woken from sleep checks its clock again
      }
    });
    requestWakeLock();
    window.addEventListener("resize", function () {
      if (view.resize) {
        view.resize();
      }
    });
    ST.keepClockChecked();
    ST.connect(spec.name);
  }

  ST.reading = reading;
  ST.wakeAt = wakeAt;
  ST.refresh = function () { update(null); };
  ST.start = start;
})(window);
