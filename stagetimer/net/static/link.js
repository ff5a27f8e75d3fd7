/* The link to the show: one WebSocket per view, and what comes over it.
 *
 * The server sends a view's frame when it changes, never per tick, so a
 * quiet link is normal; a keep-alive ping every few seconds tells a quiet
 * link from a dead one. A lost link is retried with backoff and jitter (a
 * room of phones must not all knock at once), and the page says "offline"
 * only after a few seconds, so a blip does not flash a banner. A link the
 * server refuses is asked why over plain HTTP and not retried: a wrong key
 * stays wrong. The pings themselves (and what their answers say about the
 * clock) are clocksync.js's.
 * ES5 only (old iPads run Safari 12).
 */
(function (window) {
  "use strict";

  var ST = window.StageTimer || (window.StageTimer = {});
  var document = window.document;
  var perf = window.performance;

  var KEEPALIVE_MS = 5000;
  var STALE_MS = 12000; // no word from the server this long: the connection is dead
  var OFFLINE_AFTER_MS = 3000;

  // What the page and the tests read (window.stagetimerState); clocksync.js adds the clock's part.
  var state = {
    view: null, connected: false, offline: false, access: null, refused: null,
    rtt: null, speed: 1, synced: false, syncRounds: 0, reconnects: 0, frames: 0
  };
  window.stagetimerState = state;

  var ws = null;
  var token = "";
  var viewName = "";
  var frame = null;
  var attempt = 0;
  var lastHeard = 0;
  var opened = false;
  var offlineTimer = null;
  var reconnectTimer = null;
  var commandId = 0;
  var outcomes = {}; // command id -> callback
  var listeners = { hello: [], outcome: [], events: [], state: [], frame: [] };

  function on(kind, fn) {
    listeners[kind].push(fn);
  }

  function emit(kind, value) {
    var list = listeners[kind];
    for (var i = 0; i < list.length; i++) {
      list[i](value);
    }
  }

  function queryToken() {
    var m = /[?&]token=([^&#]*)/.exec(window.location.search);
    return m ? decodeURIComponent(m[1].replace(/\+/g, " ")) : "";
  }

  function socketUrl() {
    var scheme = window.location.protocol === "https:" ? "wss://" : "ws://";
    return scheme + window.location.host + "/api/v1/ws?view=" + encodeURIComponent(viewName) +
      "&token=" + encodeURIComponent(token);
  }

  function setStatus() {
    var banner = ST.byId("status");
    var text = "";
    if (state.refused) {
      // A sentence to act on: in the show's language, or both on lines of their own.
      var pair = ST.words[state.refused === "unauthorized" ? "accessKey" : "needControl"];
      text = ST.lang === "ko" ? pair[0] : ST.lang === "en" ? pair[1] : pair[0] + "\n" + pair[1];
    } else if (state.offline) {
      text = ST.t("offlineLong");
    }
    document.documentElement.className = (state.offline ? "offline " : "") + (state.refused ? "refused" : "");
    if (banner) {
      ST.setText(banner, text);
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

  function onMessage(event) {
    lastHeard = perf.now();
    var msg;
    try {
      msg = JSON.parse(event.data);
    } catch (e) {
      return;
    }
    if (msg.type === "pong") {
      ST.onPong(msg);
    } else if (msg.type === "frame") {
      frame = msg.frame || null;
      state.frames += 1;
      var lang = ST.languageOf(frame);
      if (lang && lang !== ST.lang) {
        ST.lang = lang;
        document.documentElement.lang = lang;
        setStatus();
      }
      emit("frame", frame);
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
      ST.checkClock();
    };
    ws.onmessage = onMessage;
    ws.onclose = function () {
      var wasOpen = opened;
      ws = null;
      state.connected = false;
      ST.forgetPings();
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
      ST.ping();
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

  /** Open the link for view ``name`` with the key in the page's address; a page without one is told so. */
  function connectView(name) {
    viewName = name;
    state.view = name;
    token = queryToken();
    setStatus();
    window.setInterval(onKeepalive, KEEPALIVE_MS);
    if (!token) {
      state.refused = "unauthorized";
      setStatus();
      return;
    }
    connect();
  }

  ST.state = state;
  ST.on = on;
  ST.queryToken = queryToken;
  ST.send = send;
  ST.command = command;
  ST.frame = function () { return frame; };
  ST.connect = connectView;
})(window);
