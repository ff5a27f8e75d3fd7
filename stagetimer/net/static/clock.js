/* StageTimer browser views: the shared clock, connection and words.
 *
 * The server sends a view's frame when it changes, never per tick; this
 * script runs the countdown itself against the show's clock, which it
 * estimates NTP-style (ping/pong rounds, the median offset of the
 * lower-RTT half), re-checks every few minutes and slews gently.
 * ES5 only (old iPads run Safari 12): var, function, no modules.
 */
(function (window) {
  "use strict";

  var document = window.document;
  var perf = window.performance;
  // Epoch ms at performance time 0 (Safari before 15 has no performance.timeOrigin).
  var timeOrigin = typeof perf.timeOrigin === "number" ? perf.timeOrigin : Date.now() - perf.now();
  var ST = {};
  window.StageTimer = ST;

  // -- Formatting: exactly stagetimer.core.timefmt ---------------------------

  function pad2(n) {
    return n < 10 ? "0" + n : String(n);
  }

  /** Whole seconds shown: rounded up, so 0:00 is the moment time is up (-1 ms still reads 0:00). */
  function displaySeconds(ms) {
    var s = -Math.floor(-ms / 1000);
    return s === 0 ? 0 : s; // no negative zero
  }

  function formatClockSeconds(seconds) {
    var hours = Math.floor(seconds / 3600);
    var rest = seconds - hours * 3600;
    var minutes = Math.floor(rest / 60);
    var secs = rest - minutes * 60;
    if (hours) {
      return hours + ":" + pad2(minutes) + ":" + pad2(secs);
    }
    return minutes + ":" + pad2(secs);
  }

  /** "9:59", "1:05:00", "+0:12" once time is up (format_countdown). */
  function formatCountdown(ms) {
    var seconds = displaySeconds(ms);
    return (seconds < 0 ? "+" : "") + formatClockSeconds(Math.abs(seconds));
  }

  /** A time of day, "10:05" (format_tod): wraps past midnight. */
  function formatTod(ms) {
    var total = Math.floor(ms / 1000) % 86400;
    if (total < 0) {
      total += 86400;
    }
    var hours = Math.floor(total / 3600);
    var minutes = Math.floor((total - hours * 3600) / 60);
    return pad2(hours) + ":" + pad2(minutes);
  }

  /** normal → warning → danger → overtime (schedule.phase_for). */
  function phaseFor(remaining, warningMs, dangerMs) {
    if (remaining < 0) {
      return "overtime";
    }
    if (remaining <= dangerMs) {
      return "danger";
    }
    if (remaining <= warningMs) {
      return "warning";
    }
    return "normal";
  }

  /** Over/under in whole seconds: "+3:20" behind, "-1:05" ahead, "±0:00" (format_offset). */
  function formatOffsetSeconds(seconds) {
    if (!seconds) {
      return "\u00b10:00";
    }
    return (seconds > 0 ? "+" : "\u2212") + formatClockSeconds(Math.abs(seconds));
  }

  ST.displaySeconds = displaySeconds;
  ST.formatCountdown = formatCountdown;
  ST.formatTod = formatTod;
  ST.phaseFor = phaseFor;
  ST.formatOffsetSeconds = formatOffsetSeconds;

  // -- Words ------------------------------------------------------------------

  var WORDS = {
    now: ["현재", "NOW"],
    next: ["다음", "NEXT"],
    first: ["첫 순서", "FIRST"],
    later: ["이후 순서", "LATER"],
    onStage: ["지금 무대", "ON STAGE"],
    breakTitle: ["휴식", "Break"],
    resumesAt: ["%1에 재개", "Resumes at %1"],
    weResumeAt: ["%1에 다시 시작합니다", "We resume at %1"],
    startsAt: ["%1 시작", "Starts at %1"],
    startsIn: ["시작까지", "Starts in"],
    startingSoon: ["곧 시작합니다", "Starting soon"],
    thankYou: ["감사합니다", "Thank you"],
    paused: ["일시 정지", "PAUSED"],
    ready: ["준비", "READY"],
    timeUp: ["시간 종료", "TIME IS UP"],
    endOfProgramme: ["마지막 순서입니다", "End of the programme"],
    programmeEnded: ["모든 순서가 끝났습니다", "The programme has ended"],
    notStarted: ["행사 시작 전", "Before the show"],
    offline: ["연결 끊김", "offline"],
    offlineLong: ["연결 끊김 — 시계는 계속 갑니다. 다시 연결하는 중…",
                  "offline — the clock keeps counting; reconnecting…"],
    connecting: ["연결하는 중…", "connecting…"],
    accessKey: ["이 링크의 접속 키가 없거나 만료되었습니다. 무대 감독에게 QR 코드를 다시 요청하세요.",
                "This link's access key is missing or out of date. Ask the stage manager for the QR code again."],
    needControl: ["이 링크로는 보기 화면만 열 수 있습니다. 리모컨은 무대 감독용 QR 코드로 여세요.",
                  "This link opens the viewing screens only. The remote needs the stage manager's control QR code."],
    behind: ["늦음", "behind"],
    ahead: ["빠름", "ahead"],
    onTime: ["정시", "on time"],
    views: ["화면 목록", "Views"]
  };

  ST.lang = null; // "ko", "en", or null while unknown (both are shown)

  /** The agenda's language; a frame without one (the presenter's) is read from its Hangul. */
  function languageOf(frame) {
    if (frame && frame.language) {
      return String(frame.language).slice(0, 2).toLowerCase() === "ko" ? "ko" : "en";
    }
    var title = frame && frame.event_title ? String(frame.event_title) : "";
    if (!title) {
      return ST.lang;
    }
    return /[\uac00-\ud7a3]/.test(title) ? "ko" : "en";
  }

  /** The words for ``key`` in the show's language (both, Korean first, while it is unknown). */
  function t(key, value) {
    var pair = WORDS[key] || [key, key];
    var text;
    if (ST.lang === "ko") {
      text = pair[0];
    } else if (ST.lang === "en") {
      text = pair[1];
    } else {
      text = pair[0] + " / " + pair[1];
    }
    return value === undefined ? text : text.split("%1").join(value);
  }

  ST.words = WORDS;
  ST.t = t;
  ST.languageOf = languageOf;

  // -- DOM helpers (text only: a title is never parsed as HTML) ---------------

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) {
      node.className = cls;
    }
    if (text !== undefined && text !== null) {
      node.textContent = String(text);
    }
    return node;
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function setText(node, text) {
    var value = text === undefined || text === null ? "" : String(text);
    if (node && node.textContent !== value) {
      node.textContent = value;
    }
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function speakersOf(item) {
    return item && item.speakers ? item.speakers.join(", ") : "";
  }

  /** "speakers · organisation" without empty parts. */
  function whoOf(item) {
    var parts = [];
    if (!item) {
      return "";
    }
    if (item.speakers && item.speakers.length) {
      parts.push(speakersOf(item));
    }
    if (item.organisation) {
      parts.push(item.organisation);
    }
    return parts.join(" \u00b7 ");
  }

  var WEEKDAYS_KO = ["일요일", "월요일", "화요일", "수요일", "목요일", "금요일", "토요일"];
  var WEEKDAYS_EN = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  var MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December"];

  /** "2025-12-02" as "2025년 12월 2일 화요일" or "Tuesday, 2 December 2025"; other text as written. */
  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) {
      return iso || "";
    }
    var y = +m[1], mo = +m[2], d = +m[3];
    var day = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
    if (ST.lang === "en") {
      return WEEKDAYS_EN[day] + ", " + d + " " + MONTHS_EN[mo - 1] + " " + y;
    }
    return y + "년 " + mo + "월 " + d + "일 " + WEEKDAYS_KO[day];
  }

  ST.el = el;
  ST.byId = byId;
  ST.setText = setText;
  ST.clear = clear;
  ST.whoOf = whoOf;
  ST.speakersOf = speakersOf;
  ST.longDate = longDate;

  // -- The show's clock ---------------------------------------------------------
  // show time of day (ms) at performance time p = p * speed + offset(p), where
  // offset slews from `from` to `to` between slewStart and slewEnd.

  var JUMP_MS = 100; // a correction larger than this moves the display at once
  var SLEW_RATE = 0.05; // smaller ones are taken in at 50 ms per second
  var ROUNDS_AT_CONNECT = 8;
  var ROUND_SPACING_MS = 100;
  var RESYNC_MS = 3 * 60 * 1000;
  var KEEPALIVE_MS = 5000;
  var STALE_MS = 12000; // no word from the server this long: the connection is dead
  var OFFLINE_AFTER_MS = 3000;

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

  ST.showNow = showNow;
  ST.clock = clock;
  ST.estimate = estimate;

  /** What a countdown reads now (ms), or null when there is none or the clock is not known yet. */
  function remainingOf(countdown, now) {
    if (!countdown) {
      return null;
    }
    var r;
    if (countdown.running) {
      if (!clock.synced) {
        return null;
      }
      r = countdown.zero_at_ms - (now === undefined ? showNow() : now);
    } else {
      r = countdown.remaining_ms || 0;
    }
    return countdown.floor_zero ? Math.max(0, r) : r;
  }

  ST.remainingOf = remainingOf;

  // -- The state the page and the tests read ------------------------------------

  var state = {
    view: null, connected: false, offline: false, access: null, refused: null,
    rtt: null, speed: 1, synced: false, syncRounds: 0, reconnects: 0, frames: 0
  };
  window.stagetimerState = state;
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

  // -- The tick: one setTimeout aimed at the next second boundary --------------

  var view = null; // {name, render(frame), tick(info), wantsMinute}
  var frame = null;
  var timer = null;
  var shownText = null;
  var aimedBoundary = null; // performance time the pending timer aims at

  /** What the countdown of the current frame shows at performance time ``p`` (now when not given). */
  function reading(p) {
    var cd = frame ? frame.countdown : null;
    var r = remainingOf(cd, clock.synced ? showNow(p) : undefined);
    var show = clock.synced ? showNow(p) : null; // the show's time of day this reading was taken at
    if (r === null) {
      return { countdown: cd, remaining: null, text: "", phase: "idle", show: show };
    }
    return {
      show: show,
      countdown: cd,
      remaining: r,
      text: formatCountdown(r),
      phase: phaseFor(r, cd.warning_ms, cd.danger_ms)
    };
  }

  ST.reading = reading;

  /** The next instant anything shown changes, from the same reading (instant ``now``) the text came from:
   * read twice, a boundary falling between the two readings would be skipped for a whole second. */
  function nextWake(now) {
    var best = null;
    var cd = frame ? frame.countdown : null;
    aimedBoundary = null;
    if (cd && cd.running && clock.synced) {
      var r = remainingOf(cd, showNow(now));
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

  var extraWake = null; // a view's own deadline (the end of a flash), performance time

  function wakeAt(p) {
    if (extraWake === null || p < extraWake) {
      extraWake = p;
    }
    schedule();
  }

  ST.wakeAt = wakeAt;

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
    publishClock();
    schedule(now);
  }

  ST.refresh = function () { update(null); };

  // -- The connection ---------------------------------------------------------

  var ws = null;
  var token = "";
  var viewName = "";
  var attempt = 0;
  var lastHeard = 0;
  var opened = false;
  var pingId = 0;
  var pending = {}; // ping id -> sent at (performance time)
  var roundSamples = [];
  var roundLeft = 0;
  var keepalive = null;
  var offlineTimer = null;
  var reconnectTimer = null;
  var commandId = 0;
  var outcomes = {}; // command id -> callback
  var listeners = { hello: [], outcome: [], events: [], state: [] };

  function on(kind, fn) {
    listeners[kind].push(fn);
  }

  function emit(kind, value) {
    var list = listeners[kind];
    for (var i = 0; i < list.length; i++) {
      list[i](value);
    }
  }

  ST.on = on;
  ST.state = state;

  function queryToken() {
    var m = /[?&]token=([^&#]*)/.exec(window.location.search);
    return m ? decodeURIComponent(m[1].replace(/\+/g, " ")) : "";
  }

  ST.queryToken = queryToken;

  function socketUrl() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + window.location.host + "/api/v1/ws?view=" + encodeURIComponent(viewName) +
      "&token=" + encodeURIComponent(token);
  }

  function setStatus() {
    var banner = byId("status");
    var text = "";
    if (state.refused) {
      // A sentence to act on: in the show's language, or both on lines of their own.
      var pair = WORDS[state.refused === "unauthorized" ? "accessKey" : "needControl"];
      text = ST.lang === "ko" ? pair[0] : ST.lang === "en" ? pair[1] : pair[0] + "\n" + pair[1];
    } else if (state.offline) {
      text = t("offlineLong");
    }
    document.documentElement.className = (state.offline ? "offline " : "") + (state.refused ? "refused" : "");
    if (banner) {
      setText(banner, text);
      banner.hidden = !text;
      banner.className = "status" + (state.refused ? " access" : "");
    }
    emit("state", state);
  }

  function goneOffline() {
    if (!state.connected && !state.offline) {
      state.offline = true;
      setStatus();
    }
  }

  function send(message) {
    if (ws && ws.readyState === 1) {
      ws.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  function ping() {
    pingId += 1;
    pending[pingId] = perf.now();
    send({ type: "ping", id: pingId });
  }

  function startRound(count) {
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
        update(null);
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
      update(null);
    }
  }

  function onMessage(event) {
    lastHeard = perf.now();
    var msg;
    try {
      msg = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (msg.type === "pong") {
      onPong(msg);
    } else if (msg.type === "frame") {
      frame = msg.frame || null;
      state.frames += 1;
      var lang = languageOf(frame);
      if (lang && lang !== ST.lang) {
        ST.lang = lang;
        document.documentElement.lang = lang;
        setStatus();
      }
      if (view && view.render) {
        view.render(frame);
      }
      update(null);
    } else if (msg.type === "hello") {
      state.access = msg.access;
      emit("hello", msg);
    } else if (msg.type === "outcome") {
      var callback = outcomes[msg.id];
      delete outcomes[msg.id];
      if (callback) {
        callback(msg);
      }
      emit("outcome", msg);
    } else if (msg.type === "events") {
      emit("events", msg.events || []);
    }
  }

  /** Why the WebSocket was not let in: asked over plain HTTP, which answers 401/403 with a reason. */
  function probe(done) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", "/api/v1/ws?view=" + encodeURIComponent(viewName) + "&token=" + encodeURIComponent(token));
    xhr.timeout = 5000;
    xhr.onload = function () {
      done(xhr.status === 401 ? "unauthorized" : xhr.status === 403 ? "forbidden" : null);
    };
    xhr.onerror = xhr.ontimeout = function () { done(null); };
    xhr.send();
  }

  function connect() {
    reconnectTimer = null;
    opened = false;
    try {
      ws = new window.WebSocket(socketUrl());
    } catch (e) {
      scheduleReconnect();
      return;
    }
    ws.onopen = function () {
      opened = true;
      attempt = 0;
      lastHeard = perf.now();
      state.connected = true;
      state.offline = false;
      state.refused = null;
      if (offlineTimer !== null) {
        window.clearTimeout(offlineTimer);
        offlineTimer = null;
      }
      setStatus();
      startRound(ROUNDS_AT_CONNECT);
    };
    ws.onmessage = onMessage;
    ws.onclose = function () {
      var wasOpen = opened;
      ws = null;
      state.connected = false;
      pending = {};
      roundLeft = 0;
      if (offlineTimer === null && !state.offline) {
        offlineTimer = window.setTimeout(function () {
          offlineTimer = null;
          goneOffline();
        }, OFFLINE_AFTER_MS);
      }
      emit("state", state);
      if (wasOpen) {
        scheduleReconnect();
        return;
      }
      probe(function (refusal) {
        if (refusal) {
          state.refused = refusal;
          state.offline = false;
          if (offlineTimer !== null) {
            window.clearTimeout(offlineTimer);
            offlineTimer = null;
          }
          setStatus(); // a key that is wrong stays wrong: no reconnecting
          return;
        }
        scheduleReconnect();
      });
    };
  }

  function scheduleReconnect() {
    if (reconnectTimer !== null) {
      return;
    }
    var base = Math.min(30000, 1000 * Math.pow(2, attempt));
    var delay = base * (0.75 + Math.random() * 0.5);
    attempt += 1;
    state.reconnects += 1;
    reconnectTimer = window.setTimeout(connect, delay);
  }

  function onKeepalive() {
    if (ws && state.connected) {
      if (perf.now() - lastHeard > STALE_MS) {
        ws.close(); // onclose reconnects
        return;
      }
      ping();
    }
  }

  /** Send a remote action; ``done(outcome)`` gets the door's answer. False when offline. */
  function command(action, params, done) {
    commandId += 1;
    if (!send({ type: "command", id: commandId, action: action, params: params || {} })) {
      return false;
    }
    if (done) {
      outcomes[commandId] = done;
    }
    return true;
  }

  ST.command = command;

  // -- Screen wake lock where the browser has one -------------------------------

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

  /** Start a view: ``spec`` = {name, render(frame), tick(reading), wantsMinute}. */
  ST.start = function (spec) {
    view = spec;
    viewName = spec.name;
    state.view = spec.name;
    token = queryToken();
    setStatus();
    document.addEventListener("visibilitychange", function () {
      requestWakeLock();
      if (document.visibilityState === "visible" && state.connected) {
        startRound(4); // a tab woken from sleep checks its clock again
      }
    });
    requestWakeLock();
    window.addEventListener("resize", function () {
      if (view.resize) {
        view.resize();
      }
    });
    keepalive = window.setInterval(onKeepalive, KEEPALIVE_MS);
    window.setInterval(function () {
      if (state.connected) {
        startRound(ROUNDS_AT_CONNECT);
      }
    }, RESYNC_MS);
    if (!token) {
      state.refused = "unauthorized";
      setStatus();
      return;
    }
    connect();
  };

  ST.frame = function () { return frame; };
})(window);
