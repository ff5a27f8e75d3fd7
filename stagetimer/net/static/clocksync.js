/* The show's clock in the browser, so the page can run the countdown itself
 * between frames (the server sends a frame when it changes, never per tick).
 *
 * Estimated NTP-style: a round of pings a moment apart, each pong giving an
 * offset and a round trip; the round's offset is the median of the
 * lower-RTT half (a slow answer says least about when the server read its
 * clock). Checked again every few minutes and when a sleeping tab wakes. A
 * small correction is slewed in, so the seconds never stutter; a large one
 * (or a new speed in rehearsal) is taken at once.
 * ES5 only (old iPads run Safari 12).
 */
(function (window) {
  "use strict";

  var ST = window.StageTimer || (window.StageTimer = {});
  var perf = window.performance;
  var state = ST.state; // link.js's: the clock's part is published here
  // Epoch ms at performance time 0 (Safari before 15 has no performance.timeOrigin).
  var timeOrigin = typeof perf.timeOrigin === "number" ? perf.timeOrigin : Date.now() - perf.now();

  var JUMP_MS = 100; // a correction larger than this moves the display at once
  var SLEW_RATE = 0.05; // smaller ones are taken in at 50 ms per second
  var ROUNDS_AT_CONNECT = 8;
  var ROUND_SPACING_MS = 100;
  var RESYNC_MS = 3 * 60 * 1000;

  // show time of day (ms) at performance time p = p * speed + offset(p), where
  // offset slews from `from` to `to` between slewStart and slewEnd.
  var clock = { synced: false, speed: 1, from: 0, to: 0, slewStart: 0, slewEnd: 0, rtt: null, samples: [] };

  function offsetAt(p) {
    if (p >= clock.slewEnd) {
      return clock.to;
    }
    return clock.from + (clock.to - clock.from) * ((p - clock.slewStart) / (clock.slewEnd - clock.slewStart));
  }

  /** The show's time of day at performance time ``p`` (now when not given). */
  function showNow(p) {
    if (p === undefined) {
      p = perf.now();
    }
    return p * clock.speed + offsetAt(p);
  }

  /** When (performance time) the show's clock reads ``tod``, as the clock stands at ``p``. */
  function perfWhen(tod, p) {
    return (tod - offsetAt(p)) / clock.speed;
  }

  function setOffset(target, speed, force) {
    var p = perf.now();
    if (!clock.synced || force || speed !== clock.speed) {
      clock.speed = speed;
      clock.from = clock.to = target;
      clock.slewStart = clock.slewEnd = p;
      clock.synced = true;
      return;
    }
    var current = offsetAt(p);
    var diff = target - current;
    if (Math.abs(diff) > JUMP_MS) {
      clock.from = clock.to = target;
      clock.slewStart = clock.slewEnd = p;
    } else {
      clock.from = current;
      clock.to = target;
      clock.slewStart = p;
      clock.slewEnd = p + Math.abs(diff) / SLEW_RATE;
    }
  }

  function median(values) {
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    var mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The offset from one round's samples: the median of the lower-RTT half. */
  function estimate(samples) {
    var byRtt = samples.slice().sort(function (a, b) { return a.rtt - b.rtt; });
    var keep = byRtt.slice(0, Math.max(1, Math.ceil(byRtt.length / 2)));
    return {
      offset: median(keep.map(function (s) { return s.offset; })),
      rtt: median(keep.map(function (s) { return s.rtt; })),
      speed: keep[0].speed
    };
  }

  /** What a countdown reads now (ms), or null when there is none or the clock is not known yet. */
  function remainingOf(countdown, now) {
    var show = null;
    if (countdown && countdown.running && clock.synced) {
      show = now === undefined ? showNow() : now;
    }
    return ST.remainingAt(countdown, show);
  }

  // -- The pings: rounds at connect and on re-checks, and the link's keep-alives ----

  var pingId = 0;
  var pending = {}; // ping id -> sent at (performance time)
  var roundSamples = [];
  var roundLeft = 0;

  function ping() {
    pingId += 1;
    pending[pingId] = perf.now();
    ST.send({ type: "ping", id: pingId });
  }

  /** A round of ``count`` pings a moment apart (a full round when not given). */
  function checkClock(count) {
    if (count === undefined) {
      count = ROUNDS_AT_CONNECT;
    }
    roundSamples = [];
    roundLeft = count;
    var sent = 0;
    function next() {
      if (!state.connected || sent >= count) {
        return;
      }
      sent += 1;
      ping();
      window.setTimeout(next, ROUND_SPACING_MS);
    }
    next();
  }

  /** The link closed: answers still on their way will never come. */
  function forgetPings() {
    pending = {};
    roundLeft = 0;
  }

  function onPong(msg) {
    var sentAt = pending[msg.id];
    var received = perf.now();
    delete pending[msg.id];
    if (sentAt === undefined || typeof msg.server_ms !== "number") {
      return;
    }
    var speed = typeof msg.speed === "number" && msg.speed > 0 ? msg.speed : 1;
    var rtt = received - sentAt;
    // The show read server_ms half a round trip ago (in real ms, scaled by the show's speed).
    var sample = { rtt: rtt, speed: speed, offset: msg.server_ms + (rtt / 2) * speed - received * speed };
    clock.samples.push({ at: received, rtt: rtt, offset: sample.offset, server_ms: msg.server_ms });
    if (clock.samples.length > 32) {
      clock.samples.shift(); // the last few, for a person (or a test) asking how the clock was set
    }
    if (roundLeft <= 0) {
      // A keep-alive: only a speed change (rehearsal) or a gross error moves the clock here.
      if (speed !== clock.speed || Math.abs(sample.offset - clock.to) > 1000 + rtt) {
        setOffset(sample.offset, speed, true);
        ST.refresh();
      }
      return;
    }
    roundSamples.push(sample);
    roundLeft -= 1;
    var first = !clock.synced;
    if (first || roundLeft === 0) {
      var est = estimate(roundSamples);
      clock.rtt = est.rtt;
      setOffset(est.offset, est.speed, first);
      if (roundLeft === 0) {
        state.syncRounds += 1;
      }
      ST.refresh();
    }
  }

  /** A fresh round every few minutes while connected: clocks drift, and so may the server's. */
  function keepClockChecked() {
    window.setInterval(function () {
      if (state.connected) {
        checkClock();
      }
    }, RESYNC_MS);
  }

  // -- What the page and the tests read about the clock ---------------------------

  function publishClock() {
    state.synced = clock.synced;
    state.speed = clock.speed;
    state.rtt = clock.rtt;
  }

  // The show's time of day minus the epoch time (ms): comparable across pages and with Python.
  Object.defineProperty(state, "offset", {
    enumerable: true,
    get: function () {
      var p = perf.now();
      return clock.synced ? showNow(p) - (timeOrigin + p) * clock.speed : null;
    }
  });

  ST.timeOrigin = timeOrigin;
  ST.clock = clock;
  ST.showNow = showNow;
  ST.perfWhen = perfWhen;
  ST.estimate = estimate;
  ST.remainingOf = remainingOf;
  ST.ping = ping;
  ST.checkClock = checkClock;
  ST.forgetPings = forgetPings;
  ST.onPong = onPong;
  ST.keepClockChecked = keepClockChecked;
  ST.publishClock = publishClock;
})(window);
