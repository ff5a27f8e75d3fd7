/* The lectern tablet's sound cues: off until the stage manager taps the sound switch
 * (browsers only let a page make sound after a gesture), then the agenda's sound at
 * each rise of the frame's phase — warning, danger, zero — as the server announces it.
 * No clock arithmetic here: the phase comes in the frame the server pushes when the
 * core's countdown crosses a threshold. The sounds are the app's own WAV files.
 * ES5 only (old iPads run Safari 12).
 */
(function (window) {
  "use strict";

  var ST = window.StageTimer || (window.StageTimer = {});
  var SEVERITY = { idle: 0, normal: 0, warning: 1, danger: 2, overtime: 3 };
  var SOUNDS = ["chime", "double", "gong", "pip"];

  var on = false;
  var context = null;
  var buffers = {};
  var lastItem = null;
  var lastPhase = null;
  var button = null;
  var played = []; // the names started, for the page's tests

  function paint() {
    if (!button) {
      return;
    }
    ST.setText(button, ST.t(on ? "soundOn" : "soundOff"));
    button.className = "p-sound" + (on ? " on" : "");
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function load(name) {
    var request = new window.XMLHttpRequest();
    request.open("GET", "/static/sounds/" + name + ".wav");
    request.responseType = "arraybuffer";
    request.onload = function () {
      if (request.status !== 200 || !context) {
        return;
      }
      // The callback form: Safari 12's decodeAudioData returns no promise.
      context.decodeAudioData(request.response, function (buffer) { buffers[name] = buffer; },
                              function () { /* undecodable: that cue stays silent */ });
    };
    request.send();
  }

  function play(name) {
    var buffer = buffers[name];
    if (!on || !context || !buffer) {
      return;
    }
    var source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    source.start(0);
    played.push(name);
  }

  /** The tap: the first one makes the audio context (inside the gesture, as browsers demand). */
  function toggle() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!on && !context && Context) {
      context = new Context();
      for (var i = 0; i < SOUNDS.length; i += 1) {
        load(SOUNDS[i]);
      }
    }
    on = !on && !!context;
    if (on && context.resume) {
      context.resume();
    }
    paint();
  }

  /** Every frame: a cue when the phase of the same item rises (never for the first frame seen). */
  function onFrame(f) {
    var item = f && f.stage === "live" && f.current ? f.current.id : null;
    var phase = item !== null ? f.phase : "idle";
    var rose = item !== null && item === lastItem && lastPhase !== null &&
      (SEVERITY[phase] || 0) > (SEVERITY[lastPhase] || 0);
    if (rose && f.cues) {
      play(f.cues[phase === "overtime" ? "zero" : phase] || "");
    }
    lastItem = item;
    lastPhase = phase;
    paint();
  }

  function attach(node) {
    button = node;
    button.onclick = toggle;
    paint();
  }

  ST.cues = {
    attach: attach,
    onFrame: onFrame,
    enabled: function () { return on; },
    loaded: function () { return Object.keys(buffers).length; },
    played: played
  };
})(window);
