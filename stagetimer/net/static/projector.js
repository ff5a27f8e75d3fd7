/* The audience's big screen: welcome, programme (now / next), break, closing, blackout.
 * Never a message, a pause or a note: it paints the projector frame only. */
(function (window) {
  "use strict";
  var ST = window.StageTimer;
  var add = ST.add;
  var frame = null;
  var digits = null; // the face's countdown, if it has one
  var digitsBox = null;

  function countdown(parent, cls) {
    digitsBox = add(parent, "div", "digits-box " + cls);
    digits = add(digitsBox, "span", "digits");
    return digitsBox;
  }

  function header(screen, f, withCountdown) {
    var head = add(screen, "header", "j-head");
    var words = add(head, "div", "j-head-words");
    add(words, "p", "j-event", f.event_title);
    var section = f.current ? f.current.section_title : "";
    if (section) {
      add(words, "p", "j-section", section);
    }
    if (withCountdown) {
      countdown(head, "j-small-countdown");
    }
  }

  function nextBlock(screen, f) {
    var upcoming = f.next;
    if (!upcoming) {
      return;
    }
    var block = add(screen, "section", "j-next");
    var left = add(block, "div", "j-next-when");
    add(left, "p", "label", ST.t("next"));
    add(left, "p", "j-next-time", ST.formatTod(upcoming.projected_start_ms));
    var right = add(block, "div", "j-next-what");
    add(right, "p", "j-next-title", upcoming.title);
    var who = ST.whoOf(upcoming);
    if (who) {
      add(right, "p", "j-next-who", who);
    }
  }

  function welcome(screen, f) {
    var block = add(screen, "section", "j-welcome");
    add(block, "h1", "j-welcome-title", f.event_title);
    if (f.event_subtitle) {
      add(block, "p", "j-welcome-sub", f.event_subtitle);
    }
    var where = [ST.longDate(f.event_date), f.venue].filter(function (p) { return p; }).join("  \u00b7  ");
    add(block, "p", "j-welcome-where", where);
    add(block, "div", "j-rule");
    add(block, "p", "j-welcome-starts", ST.t("startsAt", ST.formatTod(f.planned_start_ms)));
    if (f.countdown) {
      countdown(block, "j-welcome-countdown");
    } else {
      add(block, "p", "j-soon", ST.t("startingSoon"));
    }
  }

  function programme(screen, f) {
    header(screen, f, !!f.countdown);
    var now = add(screen, "section", "j-now");
    var item = f.current;
    add(now, "p", "label", ST.t("now"));
    add(now, "h1", "j-now-title", item.title);
    var speakers = ST.speakersOf(item);
    if (speakers) {
      add(now, "p", "j-now-speaker", speakers);
      if (item.organisation) {
        add(now, "p", "j-now-org", item.organisation);
      }
    } else if (item.organisation) {
      add(now, "p", "j-now-speaker", item.organisation);
    }
    nextBlock(screen, f);
  }

  function comingUp(parent, items) {
    var list = add(parent, "section", "j-coming");
    add(list, "p", "label", ST.t("comingUp"));
    items.forEach(function (item) {
      var row = add(list, "div", "j-coming-row");
      add(row, "p", "j-coming-time", ST.formatTod(item.projected_start_ms));
      var what = add(row, "div", "j-coming-what");
      add(what, "p", "j-coming-title", item.title);
      var who = ST.whoOf(item);
      if (who) {
        add(what, "p", "j-coming-who", who);
      }
    });
  }

  function breakFace(screen, f) {
    header(screen, f, false);
    var listed = f.coming_up && f.coming_up.length ? f.coming_up : null;
    var parent = listed ? add(screen, "div", "j-break-split") : screen;
    var block = add(parent, "section", "j-break");
    add(block, "h1", "j-break-title", ST.t("breakTitle"));
    if (f.countdown) {
      countdown(block, "j-break-countdown");
    }
    if (f.resume_ms !== null && f.resume_ms !== undefined) {
      add(block, "p", "j-resume", ST.t("weResumeAt", ST.formatTod(f.resume_ms)));
    }
    if (listed) {
      comingUp(parent, listed);  // what comes after the break, with times, beside its countdown
    } else {
      nextBlock(screen, f);
    }
  }

  function closing(screen, f) {
    var block = add(screen, "section", "j-closing");
    add(block, "h1", "j-thanks", ST.t("thankYou"));
    add(block, "p", "j-closing-event", f.event_title);
    var where = [ST.longDate(f.event_date), f.venue].filter(function (p) { return p; }).join("  \u00b7  ");
    add(block, "p", "j-closing-where", where);
  }

  function render(f) {
    frame = f;
    var screen = ST.byId("screen");
    ST.clear(screen);
    digits = digitsBox = null;
    if (!f) {
      return;
    }
    var face = "blackout";
    if (!f.blackout) {
      if (f.stage === "welcome") {
        face = "welcome";
        welcome(screen, f);
      } else if (f.stage === "closing") {
        face = "closing";
        closing(screen, f);
      } else if (f.current && f.current.kind === "break") {
        face = "break";
        breakFace(screen, f);
      } else if (f.current) {
        face = "programme";
        programme(screen, f);
      } else {
        face = "empty";
        header(screen, f, false);
      }
    }
    screen.className = "screen face-" + face;
    document.body.className = "projector" + (f.blackout ? " blackout" : "");
  }

  function tick(info) {
    if (!digits) {
      return;
    }
    ST.setText(digits, info.text);
    ST.fitDigits(digits, digitsBox, info.text);
  }

  ST.start({
    name: "projector",
    render: render,
    tick: tick,
    resize: function () { ST.refresh(); }
  });
})(window);
