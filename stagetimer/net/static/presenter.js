/* The lectern's confidence monitor: countdown in the phase colour, progress, who is on
 * and next, the time of day, the stage manager's message, and the flash. */
(function (window) {
  "use strict";
  var ST = window.StageTimer;
  var $ = ST.byId;
  var FLASH_HOLD_MS = 1000; // a flash the server stops announcing (lost connection) ends by itself
  var frame = null;
  var flashUntil = 0;
  var messageFlashUntil = 0;

  /** A length in minutes as a speaker is told it: "18", or "17:30" for a part minute. */
  function minutesText(ms) {
    var whole = Math.floor(ms / 60000);
    var seconds = Math.floor((ms % 60000) / 1000);
    return seconds ? whole + ":" + (seconds < 10 ? "0" : "") + seconds : String(whole);
  }

  function header(f) {
    var current = f.current;
    if (f.stage === "welcome") {
      return [f.event_title, f.venue];
    }
    if (current && current.kind === "break") {
      return [ST.t("breakTitle"), f.resume_ms !== null && f.resume_ms !== undefined ?
        ST.t("resumesAt", ST.formatTod(f.resume_ms)) : ""];
    }
    if (current) {
      return [current.title, ST.whoOf(current)];
    }
    return ["", ""];
  }

  function nextLine(f) {
    var upcoming = f.next;
    if (!upcoming) {
      return [ST.t("next"), ST.t("endOfProgramme")];
    }
    var word = f.stage === "welcome" ? ST.t("first") : ST.t("next");
    var who = ST.speakersOf(upcoming) || upcoming.organisation;
    return [word + " \u00b7 " + ST.formatTod(upcoming.projected_start_ms),
            who ? upcoming.title + "  \u2014  " + who : upcoming.title];
  }

  function render(f) {
    frame = f;
    if (!f) {
      return;
    }
    ST.cues.onFrame(f);
    var now = window.performance.now();
    if (f.flash) {
      flashUntil = now + FLASH_HOLD_MS;
      ST.wakeAt(flashUntil);
    } else {
      flashUntil = 0;
    }
    if (f.message_flash) {
      messageFlashUntil = now + FLASH_HOLD_MS;
      ST.wakeAt(messageFlashUntil);
    } else {
      messageFlashUntil = 0;
    }
    var closing = f.stage === "closing";
    var head = header(f);
    ST.setText($("title"), head[0]);
    // The speaker's own note (presenter_note) takes the line under the title, as on the Qt Presenter.
    var note = f.stage === "live" && f.presenter_note ? f.presenter_note : "";
    ST.setText($("subtitle"), note || head[1]);
    $("subtitle").className = note ? "p-sub p-note" : "p-sub";
    var next = nextLine(f);
    ST.setText($("next-label"), next[0]);
    ST.setText($("next-text"), next[1]);
    $("closing").hidden = !closing;
    ST.setText($("closing-title"), closing ? ST.t("programmeEnded") : "");
    ST.setText($("closing-event"), closing ? f.event_title : "");
    var message = $("message");
    message.hidden = !f.message;
    ST.setText($("message-text"), f.message || "");
    var screen = $("screen");
    screen.className = "screen stage-" + f.stage + (f.message ? " with-message" : "");
  }

  function tick(info) {
    var f = frame;
    if (!f) {
      return;
    }
    var now = window.performance.now();
    var live = f.stage === "live";
    var flashing = live && f.flash && now < flashUntil;
    var body = document.body;
    var overtime = info.phase === "overtime";
    body.className = "presenter" + (flashing ? (overtime ? " flash flash-red" : " flash") : "");
    $("message").className = "p-message" + (f.message_flash && now < messageFlashUntil ? " inverted" : "");
    // Badge: before the show "Starts in" (past the planned start "Late by"); paused / ready; time is up.
    var badge = "";
    var badgeClass = "p-badge";
    if (f.stage === "welcome") {
      badge = ST.t(f.late_start ? "lateBy" : "startsIn");
    } else if (live && f.clock_state === "paused") {
      badge = ST.t("paused");
      badgeClass += " badge-paused";
    } else if (live && f.clock_state === "ready") {
      badge = ST.t("ready");
      badgeClass += " badge-ready";
      if (f.adjusted_ms !== null && f.adjusted_ms !== undefined) {
        // Re-planned by the stage manager: said before the slot starts, never mid-talk (the core decides).
        badge += " · " + ST.t("adjustedTo", minutesText(f.adjusted_ms));
        badgeClass += " badge-adjusted";
      }
    } else if (live && overtime) {
      badge = ST.t("timeUp");
      badgeClass += " badge-up";
    }
    var badgeNode = $("badge");
    ST.setText(badgeNode, badge);
    badgeNode.className = badgeClass;
    var digits = $("digits");
    var text = f.stage === "closing" ? "" : info.text;
    ST.setText(digits, text);
    var phase = live ? info.phase : "idle";
    digits.className = "digits phase-" + phase + (live && f.clock_state === "paused" ? " paused" : "");
    ST.fitDigits(digits, $("digits-box"), text);
    // The bar: the share of the slot that remains, in the digits' colour.
    var cd = info.countdown;
    var progress = $("progress");
    var showBar = live && cd && cd.length_ms > 0 && info.remaining !== null;
    progress.hidden = !showBar;
    if (showBar) {
      var share = overtime ? 1 : Math.max(0, Math.min(1, info.remaining / cd.length_ms));
      var bar = $("bar");
      bar.style.width = (share * 100).toFixed(3) + "%";
      bar.className = "bar phase-" + phase + (overtime ? " over" : "");
    }
    ST.setText($("tod"), info.show !== null ? ST.formatTod(info.show) : "");
  }

  ST.cues.attach($("sound"));
  ST.start({
    name: "presenter",
    wantsMinute: true,
    render: render,
    tick: tick,
    resize: function () { ST.refresh(); }
  });
})(window);
