// The remote's questions card: every fellow question (admin state), most
// voted first, with the moderation buttons and the moderation switch.
"use strict";
(() => {
  const { t, el } = Facilita;
  const $ = (id) => document.getElementById(id);

  // command(name, extra, label) is the remote's own sender (remote.js).
  function render(state, command, authorized) {
    const card = $("questions-card");
    if (!card) return;
    const a = state.admin || {};
    const list = Array.isArray(a.questions) ? a.questions : [];
    const ended = state.status === "ended";
    const pending = list.filter((q) => q.status === "pending").length;
    $("questions-count").textContent = pending ? t("qa_pending_count", { n: pending }) : "";
    const moderation = $("questions-moderation");
    moderation.checked = state.moderation === true;
    moderation.disabled = !authorized || ended;
    moderation.onchange = () => command("moderation", { on: moderation.checked }, t("qa_moderation_on"));
    const ul = $("questions");
    ul.replaceChildren();
    if (!list.length) { ul.append(el("li", { text: t("qa_empty") })); return; }
    const projected = state.projected_question ? state.projected_question.id : "";
    for (const q of list) {
      const actions = el("div", { class: "prompt-actions" });
      const add = (label, name, extra) => actions.append(el("button", {
        type: "button", text: label, disabled: !authorized || ended, "data-action": name,
        onclick: () => command(name, Object.assign({ question: q.id }, extra || {}), `${label} · ${q.id}`),
      }));
      if (q.status === "pending") add(t("qa_approve"), "approve-question");
      if (q.status === "hidden") add(t("qa_unhide"), "unhide-question");
      else add(t("qa_hide"), "hide-question");
      if (q.status !== "hidden") {
        if (q.status === "answered") add(t("qa_reopen"), "unanswered-question");
        else add(t("qa_mark_answered"), "answered-question");
        if (projected === q.id) add(t("qa_unproject"), "project-question", { question: "" });
        else add(t("qa_project"), "project-question");
      }
      const who = q.anonymous ? `${q.name} (${t("qa_anonymous_tag")})` : q.name;
      ul.append(el("li", { "data-question": q.id, "data-status": q.status },
        el("strong", { text: q.text }),
        el("p", { class: "meta" }, el("span", { text: `▲ ${q.votes} · ${q.id} · ${t("qa_status_" + q.status)}` }),
          el("span", { text: who })),
        actions));
    }
  }

  Facilita.renderRemoteQuestions = render;
})();
