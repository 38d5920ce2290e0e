// The remote's room card: show or remove a message to the room, start a break
// of N minutes (the server adds them to its clock), end the break.
"use strict";
(() => {
  const { t } = Facilita;
  const $ = (id) => document.getElementById(id);
  const send = (name, extra, label) => Facilita.remoteCommand && Facilita.remoteCommand(name, extra, label);

  function hhmm(ms) {
    const d = new Date(ms);
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }

  $("message-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const text = $("message-text").value.trim();
    if (!text) return;
    send("message", { text }, t("btn_message"));
    $("message-text").value = "";
  });
  $("btn-clear-message").addEventListener("click", () => send("clear-message", {}, t("btn_clear_message")));
  $("break-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const minutes = Math.round(Number($("break-minutes").value));
    send("break", { minutes }, t("btn_break"));
  });
  $("btn-end-break").addEventListener("click", () => send("end-break", {}, t("btn_end_break")));

  Facilita.renderRemoteRoom = (state, authorized) => {
    const live = authorized && state.status !== "ended";
    const message = typeof state.message === "string" ? state.message : "";
    $("room-message").textContent = message;
    $("room-message").hidden = !message;
    const until = state.break && typeof state.break.until === "number" ? state.break.until : 0;
    $("break-status").textContent = until ? t("break_status", { time: hhmm(until) }) : "";
    $("break-status").hidden = !until;
    $("btn-message").disabled = !live;
    $("btn-clear-message").disabled = !live || !message;
    $("btn-break").disabled = !live || state.status === "waiting";
    $("btn-end-break").disabled = !live || !until;
  };
})();
