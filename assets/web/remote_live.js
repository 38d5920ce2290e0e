// The remote's live cards, what the console has: the end drift in words,
// what the projector shows (content or results) with the switch, who has not
// answered, the text answers with hide / show again, the prompt's correct
// answers, the rebalance preview (asked with `rebalance`, accepted with
// `accept-rebalance`) and the hand-set plans with "unlock". All of it comes
// from the admin state: the fellows' page never gets any of it.
"use strict";
(() => {
  const { t, el } = Facilita;
  const $ = (id) => document.getElementById(id);
  const send = (name, extra, label) => Facilita.remoteCommand && Facilita.remoteCommand(name, extra, label);
  let proposal = null;  // the last `rebalance` answer, shown until accepted or cancelled
  let live = false;     // authorized and not ended

  // mm:ss with two-digit minutes, like the console ("05:00 atrasado").
  function clock(seconds) {
    const s = Math.abs(Math.round(seconds));
    return String(Math.floor(s / 60)).padStart(2, "0") + ":" + String(s % 60).padStart(2, "0");
  }
  function hhmm(ms) {
    const d = new Date(ms);
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }
  Facilita.driftWords = (endDriftS) => (!endDriftS ? t("drift_on_time")
    : endDriftS > 0 ? t("drift_late", { time: clock(endDriftS) }) : t("drift_early", { time: clock(endDriftS) }));

  function renderProjector(a) {
    const view = a.projector;  // "content" | "results" | null (nothing to switch)
    $("projector-row").hidden = !view;
    if (!view) return;
    const open = Boolean(a.open_prompt);  // the projector shows the question, not yet results
    $("projector-shows").textContent = t(view === "content" ? "projector_shows_content"
      : open ? "projector_shows_question" : "projector_shows_results");
    const button = $("btn-projector");
    button.textContent = t(view !== "content" ? "btn_show_content" : open ? "btn_show_question" : "btn_show_results");
    button.dataset.what = view === "content" ? "results" : "content";
    button.disabled = !live;
  }

  function renderMissing(a) {
    const names = Array.isArray(a.missing) ? a.missing : [];
    const box = $("missing");
    box.hidden = !a.live || (!names.length && !(a.live && a.live.answered));
    box.replaceChildren();
    if (box.hidden) return;
    box.append(el("strong", { text: names.length ? t("missing_heading", { count: names.length }) : t("missing_none") }));
    if (names.length) box.append(el("p", { class: "names", text: names.join(", ") }));
  }

  function renderTexts(a, promptId) {
    const list = $("text-answers");
    const texts = Array.isArray(a.texts) ? a.texts : [];
    list.hidden = !texts.length;
    list.replaceChildren();
    for (const x of texts) {
      const action = x.hidden ? "unhide" : "hide";
      list.append(el("li", { class: x.hidden ? "hidden-answer" : "", "data-participant": x.participant },
        el("strong", { text: x.name }), " ",
        x.hidden ? el("span", { class: "hint", text: t("answer_hidden") }) : el("span", { text: x.text }), " ",
        el("button", { type: "button", class: "small", disabled: !live, "data-action": action,
          text: t(x.hidden ? "btn_unhide" : "btn_hide"),
          onclick: () => send(action, { prompt: promptId, participant: x.participant }, `${t(x.hidden ? "btn_unhide" : "btn_hide")} · ${x.name}`) })));
    }
  }

  function renderLocked(state) {
    const sections = (state.admin && state.admin.sections) || [];
    const list = $("locked");
    list.replaceChildren();
    sections.forEach((s, i) => {
      if (!s.locked || s.status === "done") return;
      list.append(el("li", { "data-section": s.id },
        el("span", { text: `${s.title} · ${clock(s.planned_s)} · ${t("locked_mark")}` }), " ",
        el("button", { type: "button", class: "small", disabled: !live, "data-action": "unlock", text: t("btn_unlock"),
          onclick: () => send("unlock", { section: i }, `${t("btn_unlock")} · ${s.title}`) })));
    });
    $("locked-box").hidden = !list.children.length;
  }

  function renderProposal() {
    const box = $("rebalance-preview");
    box.hidden = !proposal;
    box.replaceChildren();
    if (!proposal) return;
    const p = proposal;
    if (!p.changes) box.append(el("p", { text: t("rebalance_no_change") }));
    else {
      const table = el("table", { class: "plan" },
        el("thead", {}, el("tr", {}, el("th", { text: t("col_section") }), el("th", { text: t("col_range") }),
          el("th", { text: t("col_before") }), el("th", { text: t("col_after") }))));
      const body = el("tbody");
      for (const s of p.sections || []) {
        const range = s.locked ? t("locked_mark") : s.fixed ? clock(s.old_s) : `${clock(s.min_s)}–${clock(s.max_s)}`;
        const after = s.cut ? "✗ " + t("cut_mark") : s.new_s !== s.old_s ? "→ " + clock(s.new_s) : clock(s.new_s);
        body.append(el("tr", { class: s.cut ? "cut" : s.new_s !== s.old_s ? "changed" : "" },
          el("td", { text: s.title }), el("td", { class: "hint", text: range }),
          el("td", { text: clock(s.old_s) }), el("td", { text: after })));
      }
      table.append(body);
      box.append(table);
      const cut = (p.sections || []).filter((s) => s.cut).map((s) => s.title);
      if (cut.length) box.append(el("p", { class: "warn", text: t("rebalance_cut", { list: cut.join(", ") }) }));
      box.append(el("p", { text: t("rebalance_end", { before: hhmm(p.forecast_end_before), after: hhmm(p.forecast_end_after), planned: hhmm(p.planned_end) }) }));
    }
    if (p.overrun_s > 0) box.append(el("p", { class: "warn", text: t("rebalance_still_over", { time: clock(p.overrun_s) }) }));
    const actions = el("div", { class: "prompt-actions" });
    if (p.changes) actions.append(el("button", { type: "button", id: "btn-accept-rebalance", disabled: !live, text: t("btn_accept"),
      onclick: () => { send("accept-rebalance", { durations_s: p.durations_s, cut: p.cut }, t("btn_accept_rebalance")); proposal = null; renderProposal(); } }));
    actions.append(el("button", { type: "button", id: "btn-cancel-rebalance", text: t("btn_cancel"),
      onclick: () => { proposal = null; renderProposal(); } }));
    box.append(actions);
  }

  // The reply to `rebalance`: the proposal as the console's preview (R) has it.
  Facilita.onRebalance = (msg) => { proposal = msg.proposal || null; renderProposal(); };

  $("btn-projector").addEventListener("click", () => {
    const what = $("btn-projector").dataset.what;
    if (what) send("show", { what }, $("btn-projector").textContent);
  });
  $("btn-rebalance").addEventListener("click", () => send("rebalance", {}, t("btn_rebalance")));

  Facilita.renderRemoteLive = (state, authorized) => {
    const a = state.admin || {};
    live = authorized && state.status !== "ended";
    $("drift").textContent = state.admin ? t("end_drift_label", { words: Facilita.driftWords(a.end_drift_s || 0) }) : "";
    $("drift").dataset.late = (a.end_drift_s || 0) > 60 ? "yes" : (a.end_drift_s || 0) > 0 ? "some" : "";
    renderProjector(a);
    renderMissing(a);
    renderTexts(a, state.prompt ? state.prompt.id : "");
    renderLocked(state);
    $("btn-rebalance").disabled = !live || state.status === "waiting";
    if (!live && proposal) { proposal = null; renderProposal(); }
    else if (proposal) renderProposal();  // buttons follow the connection
  };
})();
