/* The green room: who is on with the time left, who goes on next and when, the few after. */
(function (window) {
  "use strict";
  var ST = window.StageTimer;
  var add = ST.add;
  var frame = null;
  var digits = null;
  var digitsBox = null;

  function row(list, item) {
    var li = add(list, "li", "b-row");
    add(li, "span", "b-time", ST.formatTod(item.projected_start_ms));
    var what = add(li, "span", "b-what");
    add(what, "span", "b-title", item.title);
    var who = ST.whoOf(item);
    if (who) {
      add(what, "span", "b-who", who);
    }
  }

  function render(f) {
    frame = f;
    var screen = ST.byId("screen");
    ST.clear(screen);
    digits = digitsBox = null;
    if (!f) {
      return;
    }
    var head = add(screen, "header", "b-head");
    add(head, "p", "b-event", f.event_title);
    var now = add(screen, "section", "b-now");
    var words = add(now, "div", "b-now-words");
    if (f.stage === "welcome") {
      add(words, "p", "label", ST.t("startsIn"));
      add(words, "h1", "b-now-title", f.event_title);
    } else if (f.stage === "closing") {
      add(words, "h1", "b-now-title", ST.t("programmeEnded"));
    } else if (f.current) {
      add(words, "p", "label", ST.t("onStage"));
      add(words, "h1", "b-now-title", f.current.kind === "break" ? ST.t("breakTitle") + " \u00b7 " +
        f.current.title : f.current.title);
      var who = ST.whoOf(f.current);
      if (who) {
        add(words, "p", "b-now-who", who);
      }
    }
    if (f.countdown && f.stage !== "closing") {
      digitsBox = add(now, "div", "digits-box b-countdown");
      digits = add(digitsBox, "span", "digits");
    }
    if (f.next) {
      var next = add(screen, "section", "b-next");
      add(next, "p", "label", (f.stage === "welcome" ? ST.t("first") : ST.t("next")) + " \u00b7 " +
        ST.formatTod(f.next.projected_start_ms));
      add(next, "h2", "b-next-title", f.next.title);
      var nextWho = ST.whoOf(f.next);
      if (nextWho) {
        add(next, "p", "b-next-who", nextWho);
      }
    }
    if (f.upcoming && f.upcoming.length) {
      var later = add(screen, "section", "b-later");
      add(later, "p", "label", ST.t("later"));
      var list = add(later, "ol", "b-list");
      for (var i = 0; i < f.upcoming.length; i++) {
        row(list, f.upcoming[i]);
      }
    }
    screen.className = "screen stage-" + f.stage;
    fitRows();
  }

  /** On a landscape screen (a green-room TV nobody scrolls) show only the rows that fit whole. */
  function fitRows() {
    var rows = document.querySelectorAll(".b-row");
    var landscape = window.innerWidth > window.innerHeight;
    var i;
    for (i = 0; i < rows.length; i++) {
      rows[i].hidden = false;
    }
    if (!landscape) {
      return;
    }
    for (i = rows.length - 1; i >= 0; i--) {
      if (rows[i].getBoundingClientRect().bottom <= window.innerHeight) {
        break;
      }
      rows[i].hidden = true;
    }
  }

  function tick(info) {
    if (!digits || !frame) {
      return;
    }
    ST.setText(digits, info.text);
    var live = frame.stage === "live";
    digits.className = "digits phase-" + (live ? info.phase : "idle") +
      (live && frame.clock_state === "paused" ? " paused" : "");
    ST.fitDigits(digits, digitsBox, info.text);
  }

  ST.start({ name: "backstage", render: render, tick: tick, resize: function () { fitRows(); ST.refresh(); } });
})(window);
