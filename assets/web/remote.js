// The facilitator's remote: big buttons over the same WebSocket, after
// {"type":"hello","admin":TOKEN}. The token comes from the URL fragment
// (#token=…), which browsers never send to the server or in a Referer.
"use strict";
(() => {
  const { t, el, applyStrings, renderMarkdown, formatClock, renderClock, reasonOf, Connection } = Facilita;
  const $ = (id) => document.getElementById(id);
  const token = new URLSearchParams(location.hash.slice(1)).get("token") || "";
  let state = null;
  let authorized = false;
  let seq = 1;
  const pending = new Map();  // seq -> label, for the status line
  let notesKey = "";

  const conn = new Connection({
    onStatus(status) {
      $("conn").dataset.state = status;
      $("conn-text").textContent = status === "idle" ? "" : t("conn_" + status);
      if (status !== "online") authorized = false;
      renderButtons();
    },
    onOpen() { conn.send({ type: "hello", admin: token }); },
    onMessage(msg) {
      if (msg.type === "welcome" && msg.admin) { authorized = true; $("problem").hidden = true; if (state) render(); else renderButtons(); }
      else if (msg.type === "state") { state = msg; render(); }
      else if (msg.type === "live") onLive(msg);
      else if (msg.type === "rebalance") { done(msg.seq, t("done_ok"), "acked"); if (Facilita.onRebalance) Facilita.onRebalance(msg); }
      else if (msg.type === "ack") done(msg.seq, t("done_ok"), "acked");
      else if (msg.type === "error") {
        if (msg.code === "forbidden" && !authorized) return problem(t("remote_forbidden"));
        if (msg.code === "forbidden-origin" || msg.code === "bad-host") { conn.stop(); return problem(reasonOf(msg.code)); }
        const known = t("err_" + String(msg.code).replace(/-/g, "_")) !== "err_" + String(msg.code).replace(/-/g, "_");
        done(msg.seq, t("failed", { message: known ? reasonOf(msg.code) : msg.message || msg.code }), "rejected");
      }
    },
  });

  function problem(text) { $("problem").textContent = text; $("problem").hidden = false; }

  // Counters between states; an older one than the last state is stale.
  function onLive(msg) {
    if (!state || typeof msg.version !== "number" || msg.version < (state.version || 0)) return;
    if (typeof msg.participants === "number") {
      state.participants = msg.participants;
      $("people").textContent = t("participants_count", { participants: state.participants });
    }
  }

  function done(n, text, status) {
    const label = pending.get(n);
    pending.delete(n);
    $("command-status").textContent = label ? `${label}: ${text}` : text;
    $("command-status").dataset.status = status;
  }

  function command(name, extra, label) {
    if (!authorized) return;
    const n = seq++;
    pending.set(n, label || name);
    conn.send(Object.assign({ type: "command", command: name, seq: n }, extra || {}));
  }

  Facilita.remoteCommand = command;  // remote_room.js: message and break

  for (const button of document.querySelectorAll("[data-command]")) {
    button.addEventListener("click", () => {
      const name = button.dataset.command;
      if (name === "end" && !confirm(t("confirm_end"))) return;
      command(name, name === "extend" || name === "shorten" ? { minutes: 1 } : {}, button.textContent);
    });
  }
  $("btn-run").addEventListener("click", () => {
    const name = !state || state.status === "waiting" ? "start" : state.status === "running" ? "pause" : "resume";
    command(name, {}, $("btn-run").textContent);
  });

  function renderButtons() {
    const status = state ? state.status : "waiting";
    $("ended").hidden = status !== "ended";
    $("btn-run").textContent = t(status === "waiting" ? "btn_start" : status === "running" ? "btn_pause"
      : status === "ended" ? "ended_badge" : "btn_resume");
    for (const b of document.querySelectorAll(".controls button")) b.disabled = !authorized || status === "ended";
    const undo = document.querySelector('[data-command="undo"]');
    if (undo && state && state.admin) undo.disabled = !authorized || !state.admin.can_undo;
  }

  function render() {
    const s = state.section || {};
    const a = state.admin || {};
    $("session-title").textContent = state.session ? state.session.title : "";
    $("section-count").textContent = s.count ? t("section_of", { n: s.index + 1, count: s.count }) : "";
    $("section-title").textContent = s.title || "";
    $("next-section").textContent = state.next_section && state.status !== "ended" ? t("next_section", { title: state.next_section.title }) : "";
    $("forecast").textContent = a.forecast_end ? t("forecast_label", { time: new Date(a.forecast_end - 0).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }) }) : "";
    $("people").textContent = t("participants_count", { participants: state.participants });
    const pr = a.presence;  // connection health: shown once anyone joined
    $("presence").hidden = !pr || pr.connected + pr.reconnecting + pr.gone === 0;
    if (pr) $("presence").textContent = t("presence_line", pr);
    $("presence").dataset.alert = pr && pr.reconnecting + pr.gone > 0 ? "yes" : "";
    renderPrompts(a.prompts || []);
    renderLive(a.live);
    if (Facilita.renderRemoteQuestions) Facilita.renderRemoteQuestions(state, command, authorized);
    const key = a.notes || "";
    if (key !== notesKey) { notesKey = key; renderMarkdown(a.notes || "", $("notes"), 2); }
    $("notes-card").hidden = !a.notes;
    FacilitaSteps.render(state);
    renderButtons();
    if (Facilita.renderRemoteRoom) Facilita.renderRemoteRoom(state, authorized);
    if (Facilita.renderRemoteLive) Facilita.renderRemoteLive(state, authorized);  // remote_live.js
    tick();
  }

  function renderPrompts(prompts) {
    const list = $("prompts");
    list.replaceChildren();
    if (!prompts.length) { list.append(el("li", { text: t("no_prompts") })); return; }
    for (const p of prompts) {
      const stateText = p.open ? t("prompt_state_open") : p.revealed ? t("prompt_state_revealed")
        : p.was_opened ? t("prompt_state_closed") : t("prompt_state_new");
      const actions = el("div", { class: "prompt-actions" });
      const ended = state.status === "ended";
      const add = (label, name, disabled) => actions.append(el("button", {
        type: "button", text: label, disabled: disabled || !authorized || ended, "data-action": name,
        onclick: () => command(name, { prompt: p.id }, `${label} · ${p.id}`),
      }));
      // A revealed prompt opens again only as a fresh round, which hides its results.
      if (p.revealed && !p.open) add(t("btn_new_round"), "new-round", false);
      else add(t("btn_open"), "open", p.open);
      add(t("btn_close"), "close", !p.open);
      add(t("btn_reveal"), "reveal", !p.was_opened || p.revealed);
      const round = typeof p.round === "number" && p.round > 1 ? ` · ${t("prompt_round", { round: p.round })}` : "";
      // The correct answers: the facilitator's phone only (never in the public state).
      const correct = Array.isArray(p.correct) && p.correct.length
        ? el("p", { class: "correct-answers", text: t("correct_answers", { list: p.correct.join(", ") }) }) : null;
      list.append(el("li", { "data-prompt": p.id },
        el("strong", { text: p.text }),
        el("p", { class: "meta" }, el("span", { text: `${p.id} · ${p.kind} · ${stateText}${round}` }),
          el("span", { text: t("answered_count", { answered: p.answered }) }),
          p.open ? el("span", { class: "prompt-closes", "data-closes": closesAt(p) || "", "data-timed": timed(p) ? "1" : null }) : null),
        correct, actions));
    }
  }

  function renderLive(live) {
    $("live-card").hidden = !live;
    const box = $("live");
    box.replaceChildren();
    if (!live) return;
    box.append(el("p", { class: "hint", text: t("results_answered", { answered: live.answered, participants: live.participants }) }));
    if (Array.isArray(live.options)) {
      const list = el("ul", { class: "bars" });
      for (const o of live.options) {
        const fill = el("span", { class: "bar-fill" });
        fill.style.width = Math.round(o.percent || 0) + "%";
        list.append(el("li", { class: o.correct ? "correct" : "" },
          el("span", { class: "bar-label" }, o.label, o.correct ? el("span", { class: "tag", text: "✓ " + t("correct_mark") }) : null),
          el("span", { class: "bar-track", "aria-hidden": "true" }, fill),
          el("span", { class: "bar-value", text: `${o.count} · ${Math.round(o.percent || 0)}%` })));
      }
      box.append(list);
    } else if (Array.isArray(live.texts)) {
      const list = el("ul", { class: "texts" });
      for (const text of live.texts) list.append(el("li", { text }));
      box.append(list);
    }
  }

  // When the open prompt's answer window ends on the server's clock, if it has one.
  function closesAt(p) {
    if (typeof p.closes_at === "number") return p.closes_at;
    const pub = state.prompt;
    return pub && pub.id === p.id && pub.open && typeof pub.closes_at === "number" ? pub.closes_at : 0;
  }

  // Whether the prompt has an answer window (its end is null while paused).
  function timed(p) {
    const pub = state.prompt;
    return (p.time_s || (pub && pub.id === p.id && pub.time_s)) > 0;
  }

  function tick() {
    if (!state || !state.section) return;
    renderClock(state, conn.offset);
    FacilitaSteps.tick(state, conn.offset);
    for (const span of document.querySelectorAll(".prompt-closes")) {
      const closes = Number(span.dataset.closes);
      const left = closes ? closes - (Date.now() + conn.offset) : 0;
      span.textContent = state.status === "paused" && span.dataset.timed === "1" ? t("prompt_window_paused")
        : closes ? t("prompt_closes_in", { time: formatClock(Math.max(0, left)) }) : "";
    }
  }

  applyStrings(document);
  document.title = `${t("app_name")} · ${t("remote_title")}`;
  $("conn-text").textContent = t("conn_connecting");
  renderButtons();
  if (!token) problem(t("remote_token_missing"));
  else conn.start();
  setInterval(tick, 250);
})();
