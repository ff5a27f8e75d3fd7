/* The words the views show, in Korean and English, and the show's language
 * they are picked by. Until a frame says which language the show is in,
 * both are shown (Korean first): a guess would be wrong half the time.
 * ES5 only (old iPads run Safari 12).
 */
(function (window) {
  "use strict";

  var ST = window.StageTimer || (window.StageTimer = {});

  var WORDS = {
    now: ["현재", "NOW"],
    next: ["다음", "NEXT"],
    first: ["첫 순서", "FIRST"],
    later: ["이후 순서", "LATER"],
    onStage: ["지금 무대", "ON STAGE"],
    breakTitle: ["휴식", "Break"],
    resumesAt: ["%1에 재개", "Resumes at %1"],
    weResumeAt: ["%1에 다시 시작합니다", "We resume at %1"],
    comingUp: ["이어서", "Coming up"],
    startsAt: ["%1 시작", "Starts at %1"],
    startsIn: ["시작까지", "Starts in"],
    lateBy: ["시작 지연", "Late by"],
    startingSoon: ["곧 시작합니다", "Starting soon"],
    thankYou: ["감사합니다", "Thank you"],
    paused: ["일시 정지", "PAUSED"],
    ready: ["준비", "READY"],
    adjustedTo: ["%1분으로 조정", "Adjusted to %1 min"],
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
    views: ["화면 목록", "Views"],
    soundOff: ["신호음 꺼짐 · 눌러서 켜기", "Sound off · tap to turn on"],
    soundOn: ["신호음 켜짐", "Sound on"]
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

  ST.words = WORDS;
  ST.t = t;
  ST.languageOf = languageOf;
  ST.speakersOf = speakersOf;
  ST.whoOf = whoOf;
  ST.longDate = longDate;
})(window);
