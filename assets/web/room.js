// Room messages and breaks on the fellow page: the message as a banner above
// everything, and during a break a screen with "Descanso", a countdown to the
// clock time (ticking locally with the server clock offset) and "Regresamos a
// las 11:05" — "Regresamos ahora" once it is time (the facilitator resumes).
"use strict";
(() => {
  const { t, formatClock } = Facilita;
  const $ = (id) => document.getElementById(id);

  function hhmm(ms) {
    const d = new Date(ms);
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }

  function breakUntil(state) {
    const b = state && state.status !== "ended" && state.break;
    return b && typeof b.until === "number" ? b.until : 0;
  }

  // Whenever a state arrives.
  function renderRoom(state, offset) {
    const banner = $("room-message");
    if (banner) {
      const text = state && typeof state.message === "string" && state.status !== "ended" ? state.message : "";
      banner.textContent = text;
      banner.hidden = !text;
    }
    document.body.classList.toggle("on-break", breakUntil(state) > 0);
    tickRoom(state, offset);
  }

  // Every tick: the countdown.
  function tickRoom(state, offset) {
    const until = breakUntil(state);
    const view = $("break-view");
    if (!view) return;
    view.hidden = !until;
    if (!until) return;
    // The clock offset is an estimate: never show more than the break's length.
    const length = state.break.length_ms;
    const estimate = until - (Date.now() + offset);
    const left = typeof length === "number" && length > 0 ? Math.min(length, estimate) : estimate;
    $("break-clock").textContent = formatClock(Math.max(0, left));
    $("break-back").textContent = left > 0 ? t("break_back_at", { time: hhmm(until) }) : t("break_back_now");
  }

  Facilita.renderRoom = renderRoom;
  Facilita.tickRoom = tickRoom;
})();
