/* What a countdown reads: the same text and phase as the Python side, so a
 * browser and the desk never disagree about a second or a colour.
 * The formatting mirrors stagetimer.core.timefmt, the phase rule
 * schedule.phase_for; change them together.
 * ES5 only (old iPads run Safari 12): var, function, no modules.
 */
(function (window) {
  "use strict";

  // The one namespace the browser files share; whichever loads first makes it.
  var ST = window.StageTimer || (window.StageTimer = {});

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

  /** What a frame's countdown reads (ms) when the show's clock reads ``showMs``; null when there is
   * no countdown, or it runs and the show's time is not known (``showMs`` null). */
  function remainingAt(countdown, showMs) {
    if (!countdown) {
      return null;
    }
    var r;
    if (countdown.running) {
      if (showMs === null || showMs === undefined) {
        return null;
      }
      r = countdown.zero_at_ms - showMs;
    } else {
      r = countdown.remaining_ms || 0;
    }
    return countdown.floor_zero ? Math.max(0, r) : r;
  }

  ST.displaySeconds = displaySeconds;
  ST.formatCountdown = formatCountdown;
  ST.formatTod = formatTod;
  ST.phaseFor = phaseFor;
  ST.formatOffsetSeconds = formatOffsetSeconds;
  ST.remainingAt = remainingAt;
})(window);
