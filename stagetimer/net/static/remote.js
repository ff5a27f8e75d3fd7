/* The stage manager's phone: big buttons through the show's one door, and what each press did. */
(function (window) {
  "use strict";
  var ST = window.StageTimer;
  var add = ST.add;
  var frame = null;
  var nodes = {};
  var buttons = [];

  var PRESETS = ["5분 남았습니다", "마무리 부탁드립니다", "시간이 지났습니다", "마이크를 켜 주세요", "조금 더 크게 말씀해 주세요"];

  var LABELS = {
    toggle: ["시작 / 일시 정지", "Start / pause"],
    start: ["\u25b6 시작", "\u25b6 Start"],
    pause: ["\u275a\u275a 일시 정지", "\u275a\u275a Pause"],
    next: ["다음 순서 \u25b6", "Next \u25b6"],
    previous: ["\u25c0 이전 순서", "\u25c0 Previous"],
    plus: ["+1분", "+1 min"],
    minus: ["\u22121분", "\u22121 min"],
    send: ["보내기", "Send"],
    clear: ["메시지 지우기", "Clear message"],
    blackoutOn: ["프로젝터 끄기", "Blackout on"],
    blackoutOff: ["프로젝터 켜기", "Blackout off"],
    flash: ["깜박이기", "Flash"],
    undo: ["되돌리기", "Undo"],
    message: ["발표자에게 메시지", "Message to the speaker"],
    placeholder: ["직접 입력", "Type a message"],
    over: ["일정", "Schedule"],
    nextTitle: ["다음", "Next"],
    noItem: ["행사 시작 전", "Before the show"],
    ended: ["모든 순서가 끝났습니다", "The programme has ended"],
    sending: ["보내는 중…", "sending…"],
    offlineButtons: ["연결 끊김: 버튼을 쓸 수 없습니다", "offline: the buttons are disabled"],
    paused: ["일시 정지", "paused"],
    ready: ["준비", "ready"],
    running: ["진행 중", "running"]
  };

  var EFFECTS = {
    started: ["시작했습니다: %1", "Started: %1"],
    paused: ["일시 정지했습니다: %1", "Paused: %1"],
    resumed: ["다시 시작했습니다: %1", "Resumed: %1"],
    loaded: ["준비됨: %1", "Ready: %1"],
    skipped: ["건너뛰었습니다. 지금: %1", "Skipped; now: %1"],
    jumped: ["이동했습니다: %1", "Jumped to %1"],
    back: ["이전 순서로: %1", "Back to %1"],
    closing: ["마지막 순서가 끝났습니다", "That was the last item: the show is over"],
    time_added: ["시간을 더했습니다: %1 남음", "Time added: %1 left"],
    time_taken: ["시간을 줄였습니다: %1 남음", "Time taken: %1 left"],
    reset: ["처음 시간으로 되돌렸습니다: %1", "Reset: %1"],
    undone: ["되돌렸습니다", "Undone"],
    message_shown: ["메시지를 보냈습니다: %1", "Message shown: %1"],
    message_cleared: ["메시지를 지웠습니다", "Message cleared"],
    message_pinned: ["메시지를 고정했습니다", "Message pinned"],
    message_unpinned: ["메시지 고정을 풀었습니다", "Message unpinned"],
    flashing: ["발표자 화면 깜박임", "Flashing the presenter screen"],
    blackout_on: ["프로젝터 화면을 껐습니다", "Projector blacked out"],
    blackout_off: ["프로젝터 화면을 다시 켰습니다", "Projector back on"],
    countdown_on: ["프로젝터 카운트다운 켬", "Projector countdown on"],
    countdown_off: ["프로젝터 카운트다운 끔", "Projector countdown off"]
  };

  var REASONS = {
    no_item_loaded: ["진행 중인 순서가 없습니다. 시작을 누르세요.", "No item is loaded: press start"],
    show_over: ["행사가 끝났습니다. 이전 순서로 돌아갈 수 있습니다.", "The show is over: go back to the last item"],
    no_items: ["진행 순서가 비어 있습니다", "The agenda has no items"],
    no_next: ["행사가 끝났습니다. 다음 순서가 없습니다.", "The show is over: there is no next item"],
    no_previous: ["첫 순서입니다. 이전 순서가 없습니다.", "This is the first item: there is no previous one"],
    nothing_to_undo: ["되돌릴 작업이 없습니다.", "Nothing to undo"],
    unknown_item: ["그 순서는 진행표에 없습니다", "That item is no longer in the agenda"],
    already_on_stage: ["이미 무대에 있는 순서입니다", "That item is already on stage"],
    too_short: ["더 줄일 수 없습니다: 이 순서의 시간이 모자랍니다", "Cannot take a minute: the item is too short"],
    too_long: ["더 늘릴 수 없습니다 (하루를 넘음)", "Cannot add more: the item would last over a day"],
    no_message: ["지울 메시지가 없습니다", "There is no message to clear"],
    empty_message: ["빈 메시지라 보내지 않았습니다", "Empty message: nothing sent"],
    live_item_removed: ["무대의 순서가 수정된 진행표에 없습니다", "The item on stage is not in the edited agenda"],
    journal_failed: ["기록을 보관하지 못했습니다", "Could not archive the show journal"],
    internal_error: ["오류가 났지만 행사는 계속됩니다", "Something went wrong; the show goes on"],
    show_busy: ["응답이 늦습니다. 적용되었을 수 있습니다.", "The show did not answer in time; it may still apply"],
    bad_parameter: ["잘못된 값입니다", "That value is not accepted"],
    missing_parameter: ["값이 빠졌습니다", "A value is missing"],
    forbidden: ["이 링크로는 조작할 수 없습니다", "This link cannot send commands"],
    rate_limited: ["너무 빨리 눌렀습니다. 잠시 후 다시 누르세요.", "Too fast: wait a moment"],
    offline: ["연결 끊김: 보내지 못했습니다", "offline: not sent"]
  };

  function pick(pair, value) {
    var text = ST.lang === "en" ? pair[1] : ST.lang === "ko" ? pair[0] : pair[0] + " / " + pair[1];
    return value === undefined ? text : text.split("%1").join(value);
  }

  function label(key) {
    return pick(LABELS[key]);
  }

  /** The words for a door's answer: its effect (applied) or its refusal, with the item or time. */
  function outcomeText(msg) {
    var params = msg.params || {};
    if (msg.ok) {
      var pair = EFFECTS[msg.effect];
      if (!pair) {
        return msg.effect || "OK";
      }
      var value = params.title || params.text || "";
      if (msg.effect === "time_added" || msg.effect === "time_taken") {
        value = typeof params.remaining_ms === "number" ? ST.formatCountdown(params.remaining_ms) : "";
      }
      return pick(pair, value);
    }
    var reason = REASONS[msg.reason];
    return reason ? pick(reason) : (msg.reason || "?") + (msg.message ? ": " + msg.message : "");
  }

  function press(action, params) {
    var shown = nodes.outcome;
    shown.className = "r-outcome pending";
    ST.setText(shown, label("sending"));
    var sent = ST.command(action, params, function (msg) {
      shown.className = "r-outcome " + (msg.ok ? "ok" : "refused");
      ST.setText(shown, (msg.ok ? "\u2713 " : "\u2715 ") + outcomeText(msg));
    });
    if (!sent) {
      shown.className = "r-outcome refused";
      ST.setText(shown, "\u2715 " + pick(REASONS.offline));
    }
  }

  function button(parent, key, cls, action, params) {
    var node = add(parent, "button", "r-button " + cls, label(key));
    node.type = "button";
    node.setAttribute("data-action", action + (params && params.seconds ? ":" + params.seconds : ""));
    node.setAttribute("data-key", key);
    node.addEventListener("click", function () {
      press(action, typeof params === "function" ? params() : params);
    });
    buttons.push(node);
    return node;
  }

  function build() {
    var screen = ST.byId("screen");
    ST.clear(screen);
    buttons = [];
    var status = add(screen, "section", "r-status");
    nodes.title = add(status, "h1", "r-title");
    var line = add(status, "div", "r-line");
    nodes.box = add(line, "div", "digits-box r-countdown");
    nodes.digits = add(nodes.box, "span", "digits");
    var side = add(line, "div", "r-side");
    nodes.state = add(side, "p", "r-state");
    nodes.over = add(side, "p", "r-over");
    nodes.next = add(status, "p", "r-next");
    nodes.message = add(status, "p", "r-current-message");
    nodes.outcome = add(screen, "p", "r-outcome");
    nodes.outcome.setAttribute("role", "status");
    var main = add(screen, "section", "r-grid r-main");
    nodes.toggle = button(main, "toggle", "r-wide r-primary", "toggle");
    button(main, "previous", "", "previous");
    button(main, "next", "", "next");
    button(main, "minus", "", "add", { seconds: "-60" });
    button(main, "plus", "", "add", { seconds: "60" });
    var messages = add(screen, "section", "r-messages");
    nodes.messageLabel = add(messages, "p", "label", label("message"));
    var presets = add(messages, "div", "r-grid r-presets");
    PRESETS.forEach(function (text) {
      var node = add(presets, "button", "r-button r-preset", text);
      node.type = "button";
      node.addEventListener("click", function () { press("message", { text: text }); });
      buttons.push(node);
    });
    var form = add(messages, "form", "r-form");
    nodes.input = add(form, "input", "r-input");
    nodes.input.type = "text";
    nodes.input.maxLength = 200;
    nodes.input.placeholder = label("placeholder");
    nodes.input.setAttribute("aria-label", label("message"));
    var send = add(form, "button", "r-button r-send", label("send"));
    send.type = "submit";
    send.setAttribute("data-key", "send");
    buttons.push(send, nodes.input);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = nodes.input.value.replace(/^\s+|\s+$/g, "");
      if (text) {
        press("message", { text: text });
        nodes.input.value = "";
      }
    });
    var more = add(screen, "section", "r-grid r-more");
    button(more, "clear", "", "message/clear");
    nodes.blackout = button(more, "blackoutOn", "", "blackout", function () {
      return { on: frame && frame.blackout ? "0" : "1" };
    });
    button(more, "flash", "", "flash");
    button(more, "undo", "", "undo");
    enable();
  }

  function enable() {
    var on = ST.state.connected;
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = !on;
    }
    document.body.className = "remote" + (on ? "" : " disconnected");
    if (!on && nodes.outcome && ST.state.offline) {
      nodes.outcome.className = "r-outcome refused";
      ST.setText(nodes.outcome, label("offlineButtons"));
    }
  }

  function relabel() {
    for (var i = 0; i < buttons.length; i++) {
      var key = buttons[i].getAttribute("data-key");
      if (key && LABELS[key]) {
        ST.setText(buttons[i], label(key));
      }
    }
    ST.setText(nodes.messageLabel, label("message"));
    nodes.input.placeholder = label("placeholder");
  }

  function render(f) {
    frame = f;
    if (!f) {
      return;
    }
    relabel();
    var title = f.title || (f.stage === "welcome" ? label("noItem") : f.stage === "closing" ? label("ended") : "");
    ST.setText(nodes.title, title);
    ST.setText(nodes.next, f.next_title ? label("nextTitle") + ": " + f.next_title : "");
    ST.setText(nodes.message, f.message ? "\u2709 " + f.message : "");
    var stateKey = f.paused ? "paused" : f.running ? "running" : f.stage === "live" ? "ready" : null;
    ST.setText(nodes.state, stateKey ? label(stateKey) : "");
    var over = f.over_under_seconds || 0;
    var words = over > 0 ? ST.t("behind") : over < 0 ? ST.t("ahead") : ST.t("onTime");
    ST.setText(nodes.over, label("over") + " " + ST.formatOffsetSeconds(over) + " " + words);
    nodes.over.className = "r-over" + (over > 0 ? " behind" : over < 0 ? " ahead" : "");
    // The one toggle says what pressing it will do.
    var toggleKey = f.running ? "pause" : f.stage === "closing" ? "toggle" : "start";
    nodes.toggle.setAttribute("data-key", toggleKey);
    ST.setText(nodes.toggle, label(toggleKey));
    var blackoutKey = f.blackout ? "blackoutOff" : "blackoutOn";
    nodes.blackout.setAttribute("data-key", blackoutKey);
    ST.setText(nodes.blackout, label(blackoutKey));
    nodes.blackout.className = "r-button" + (f.blackout ? " r-on" : "");
  }

  function tick(info) {
    if (!nodes.digits) {
      return;
    }
    var live = frame && frame.stage === "live";
    ST.setText(nodes.digits, info.text);
    nodes.digits.className = "digits phase-" + (live ? info.phase : "idle") + (frame && frame.paused ? " paused" : "");
    ST.fitDigits(nodes.digits, nodes.box, info.text);
  }

  ST.on("state", enable);
  ST.on("hello", enable);
  build();
  ST.start({ name: "remote", render: render, tick: tick, resize: function () { ST.refresh(); } });
})(window);
