/* The day for phones: every item with its planned time, and the projected one when it differs. */
(function (window) {
  "use strict";
  var ST = window.StageTimer;
  var add = ST.add;
  var scrolledTo = null; // the live item is scrolled into view once, not on every frame
  var STATUS = {
    done: ["끝남", "done"],
    skipped: ["건너뜀", "skipped"],
    live: ["진행 중", "live"],
    next: ["다음", "next"],
    upcoming: ["", ""]
  };

  function statusWord(status) {
    var pair = STATUS[status];
    if (!pair) {
      return "";
    }
    return ST.lang === "en" ? pair[1] : pair[0];
  }

  function render(f) {
    var screen = ST.byId("screen");
    ST.clear(screen);
    if (!f) {
      return;
    }
    var head = add(screen, "header", "a-head");
    add(head, "h1", "a-event", f.event_title);
    if (f.event_subtitle) {
      add(head, "p", "a-sub", f.event_subtitle);
    }
    var where = [ST.longDate(f.event_date), f.venue].filter(function (p) { return p; }).join(" \u00b7 ");
    add(head, "p", "a-where", where);
    var list = add(screen, "ol", "a-list");
    var section = null;
    var liveRow = null;
    for (var i = 0; i < f.rows.length; i++) {
      var item = f.rows[i];
      if (item.section_title && item.section_title !== section) {
        section = item.section_title;
        add(list, "li", "a-section", section);
      }
      var li = add(list, "li", "a-row status-" + item.status + (item.kind === "break" ? " kind-break" : ""));
      li.setAttribute("data-id", item.id);
      var when = add(li, "span", "a-when");
      var planned = ST.formatTod(item.planned_start_ms);
      var projected = item.projected_start_ms === null || item.projected_start_ms === undefined ? planned :
        ST.formatTod(item.projected_start_ms);
      if (projected !== planned && item.status !== "done" && item.status !== "skipped") {
        add(when, "span", "a-planned moved", planned);
        add(when, "span", "a-arrow", " \u2192 ");
        add(when, "span", "a-projected", projected);
      } else {
        add(when, "span", "a-planned", planned);
      }
      var what = add(li, "span", "a-what");
      add(what, "span", "a-title", item.title);
      var who = ST.whoOf(item);
      if (who) {
        add(what, "span", "a-who", who);
      }
      var word = statusWord(item.status);
      if (word) {
        add(li, "span", "a-status", word);
      }
      if (item.status === "live") {
        liveRow = li;
      }
    }
    if (liveRow && scrolledTo !== f.live_id) {
      scrolledTo = f.live_id;
      if (liveRow.scrollIntoView) {
        liveRow.scrollIntoView({ block: "center" });
      }
    }
  }

  ST.start({ name: "agenda", render: render, tick: function () {} });
})(window);
