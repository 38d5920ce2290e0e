// The fellow page: join with a name, follow the section and its clock,
// answer the open prompt. Answers wait in localStorage until the server
// acknowledges them (after its journal commit) and are re-sent after a
// reconnect; the server counts a repeated seq once.
"use strict";
(() => {
  const { t, el, applyStrings, renderMarkdown, formatClock, renderClock, Connection } = Facilita;
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------- storage
  const store = {
    get(key, fallback) {
      try { const v = localStorage.getItem("facilita." + key); return v === null ? fallback : JSON.parse(v); }
      catch { return fallback; }
    },
    set(key, value) {
      try { localStorage.setItem("facilita." + key, JSON.stringify(value)); } catch { /* private mode: memory only */ }
    },
  };
  let token = store.get("token", "");
  let name = store.get("name", "");
  let nextSeq = store.get("seq", 1);
  let outbox = store.get("outbox", {});    // seq -> answer message not yet acknowledged
  let answers = store.get("answers", {});  // prompt id -> {value, seq, status, reason}
  const save = () => { store.set("outbox", outbox); store.set("answers", answers); store.set("seq", nextSeq); };

  let state = null;
  let welcomed = false;
  let promptKey = "";
  let contentKey = "";

  // ---------------------------------------------------------- connection
  const conn = new Connection({
    onStatus(status) {
      $("conn").dataset.state = status;
      $("conn-text").textContent = t("conn_" + status);
      if (status !== "online") welcomed = false;
      renderAnswerStatus();
    },
    onOpen() { if (name) hello(); },
    onMessage(msg) {
      if (msg.type === "state") onState(msg);
      else if (msg.type === "welcome") onWelcome(msg);
      else if (msg.type === "ack") onAck(msg);
      else if (msg.type === "error") onError(msg);
    },
  });

  function hello() { conn.send({ type: "hello", name, token: token || undefined }); }

  function onWelcome(msg) {
    welcomed = true;
    token = msg.token;
    store.set("token", token);
    $("whoami").textContent = t("joined_as", { name: msg.name || name });
    showJoin(false);
    flushOutbox();
  }

  function flushOutbox() {
    if (!welcomed) return;
    for (const seq of Object.keys(outbox).map(Number).sort((a, b) => a - b)) conn.send(outbox[seq]);
  }

  function promptOfSeq(seq) {
    return Object.keys(answers).find((p) => answers[p].seq === seq);
  }

  function onAck(msg) {
    delete outbox[msg.seq];
    const p = promptOfSeq(msg.seq);
    if (p) answers[p].status = "acked";
    save();
    renderAnswerStatus();
  }

  function onError(msg) {
    if (msg.code === "bad-name" || msg.code === "join-failed") {
      showJoin(true);
      $("name-error").textContent = t("err_bad_name");
      return;
    }
    if (typeof msg.seq !== "number" || !outbox[msg.seq]) return;
    if (msg.code === "rate-limited") {  // keep it and try again shortly
      setTimeout(flushOutbox, 2000 + Math.random() * 2000);
      return;
    }
    delete outbox[msg.seq];
    const p = promptOfSeq(msg.seq);
    if (p) Object.assign(answers[p], { status: "rejected", reason: reasonOf(msg.code) });
    save();
    renderAnswerStatus();
  }

  function reasonOf(code) {
    const key = "err_" + String(code).replace(/-/g, "_");
    const text = t(key);
    return text === key ? t("err_generic", { code }) : text;
  }

  // ---------------------------------------------------------- joining
  function showJoin(show) {
    $("join-view").hidden = !show;
    $("session-view").hidden = show;
    if (show) { $("name").value = name; $("name").focus(); }
  }

  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("name").value.trim();
    if (!value || value.length > 40) { $("name-error").textContent = t("err_bad_name"); return; }
    $("name-error").textContent = "";
    name = value;
    store.set("name", name);
    showJoin(false);
    if (conn.isOpen()) hello();
    else conn.connect();
  });
  $("rename").addEventListener("click", () => showJoin(true));

  // ---------------------------------------------------------- state
  function onState(next) {
    if (next.session && store.get("session", "") !== next.session.id) {  // another session: forget its answers
      store.set("session", next.session.id);
      outbox = {};
      answers = {};
      save();
    }
    state = next;
    render();
  }

  function render() {
    if (!state) return;
    $("session-title").textContent = state.session ? state.session.title : "";
    const section = state.section || {};
    $("section-count").textContent = section.count ? t("section_of", { n: section.index + 1, count: section.count }) : "";
    $("section-title").textContent = section.title || "";
    $("next-section").textContent = state.next_section ? t("next_section", { title: state.next_section.title }) : "";
    const notice = { waiting: "status_waiting", paused: "status_paused", ended: "status_ended" }[state.status];
    $("notice").hidden = !notice;
    $("notice").textContent = notice ? t(notice) : "";
    const key = (section.id || "") + "\u0000" + (section.content || "");
    if (key !== contentKey) {
      contentKey = key;
      renderMarkdown(section.content, $("content"));
    }
    renderPrompt();
    renderResults();
    tick();
  }

  function tick() {
    if (!state || !state.section) return;
    renderClock(state, conn.offset);
    const closes = state.prompt && state.prompt.open && state.prompt.closes_at;
    const left = $("prompt-closes");
    // The server closes a timed prompt when its window runs out; the hint counts down to it.
    const until = closes ? closes - (Date.now() + conn.offset) : 0;
    if (left) left.textContent = until > 0 ? t("prompt_closes_in", { time: formatClock(until) }) : "";
  }

  // ---------------------------------------------------------- prompt
  function renderPrompt() {
    const slot = $("prompt-slot");
    const p = state.prompt;
    const key = p ? [p.id, p.open, p.kind, JSON.stringify(p.options)].join("|") : "";
    if (key === promptKey) return renderAnswerStatus();
    promptKey = key;
    slot.replaceChildren();
    if (!p) return;
    const card = el("section", { class: "card prompt", "aria-labelledby": "prompt-text" },
      el("p", { class: "eyebrow", text: t("prompt_heading") }),
      el("h2", { id: "prompt-text", class: "prompt-text", text: p.text }),
      el("p", { id: "prompt-closes", class: "hint" }));
    if (p.open) card.append(buildForm(p));
    else card.append(el("p", { class: "closed", text: t("prompt_closed") }));
    card.append(el("p", { id: "answer-status", class: "answer-status", role: "status", "aria-live": "polite" }));
    slot.append(card);
    renderAnswerStatus();
  }

  function buildForm(p) {
    const form = el("form", { id: "answer-form", novalidate: true });
    const mine = answers[p.id] && answers[p.id].value;
    const group = el("fieldset", { class: "choices" });
    const hintId = "answer-hint";
    group.setAttribute("aria-describedby", hintId);
    group.append(el("legend", { class: "visually-hidden", text: p.text }));
    const option = (type, value, label, checked) => {
      const id = "opt-" + group.children.length;
      return el("div", { class: "choice" },
        el("input", { type, id, name: "answer", value, checked: checked ? true : false }),
        el("label", { for: id, text: label }));
    };
    let hint = "";
    if (p.kind === "choice" || p.kind === "poll") {
      hint = t("choose_one");
      for (const o of p.options) group.append(option("radio", o, o, mine === o));
    } else if (p.kind === "multi") {
      hint = t("choose_many");
      for (const o of p.options) group.append(option("checkbox", o, o, Array.isArray(mine) && mine.includes(o)));
    } else if (p.kind === "scale") {
      const s = p.scale || { min: 1, max: 5, labels: [] };
      hint = t("scale_hint", { min: s.min, max: s.max });
      group.classList.add("scale");
      for (let v = s.min; v <= s.max; v++) {
        const label = s.labels && s.labels[v - s.min] ? `${v} · ${s.labels[v - s.min]}` : String(v);
        group.append(option("radio", String(v), label, mine === v));
      }
    } else {
      hint = t("text_hint");
      group.classList.add("text");
      group.append(el("label", { for: "answer-text", text: t("text_label") }),
        el("textarea", { id: "answer-text", name: "answer", rows: 4, maxlength: 500 }));
      group.querySelector("textarea").value = typeof mine === "string" ? mine : "";
    }
    form.append(el("p", { id: hintId, class: "hint", text: hint }), group,
      el("p", { id: "answer-error", class: "error", role: "alert" }),
      el("button", { type: "submit", class: "primary", id: "answer-send", text: mine !== undefined ? t("change_answer") : t("send") }));
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const value = readValue(p, form);
      if (value === null) return;
      $("answer-error").textContent = "";
      submitAnswer(p.id, value);
    });
    return form;
  }

  function readValue(p, form) {
    if (p.kind === "text" || !["choice", "poll", "multi", "scale"].includes(p.kind)) {
      const text = form.querySelector("textarea").value.trim();
      if (!text) { $("answer-error").textContent = t("write_something"); return null; }
      // The server's limit is 500 bytes of UTF-8 (accented letters take two).
      if (new TextEncoder().encode(text).length > 500) { $("answer-error").textContent = t("too_long"); return null; }
      return text;
    }
    const checked = [...form.querySelectorAll("input:checked")].map((i) => i.value);
    if (!checked.length) { $("answer-error").textContent = t("pick_something"); return null; }
    if (p.kind === "multi") return checked;
    if (p.kind === "scale") return Number(checked[0]);
    return checked[0];
  }

  function submitAnswer(prompt, value) {
    const seq = nextSeq++;
    // The newest answer replaces any older unacknowledged one to this prompt.
    for (const s of Object.keys(outbox)) if (outbox[s].prompt === prompt) delete outbox[s];
    const msg = { type: "answer", prompt, value, seq };
    outbox[seq] = msg;
    answers[prompt] = { value, seq, status: "pending" };
    save();
    if (welcomed) conn.send(msg);
    renderAnswerStatus();
    const status = $("answer-status");  // on a phone it sits below the fold, under the button
    if (status && status.scrollIntoView) status.scrollIntoView({ block: "nearest" });
  }

  function renderAnswerStatus() {
    const status = $("answer-status");
    if (!status || !state || !state.prompt) return;
    const a = answers[state.prompt.id];
    let text = "";
    if (a && a.status === "acked") text = t("received");
    else if (a && a.status === "pending") text = welcomed ? t("sending") : t("queued");
    else if (a && a.status === "rejected") text = t("not_recorded", { reason: a.reason });
    if (a && !state.prompt.open && a.status === "acked") text += " " + t("your_answer", { value: [].concat(a.value).join(", ") });
    status.textContent = text;
    status.dataset.status = a ? a.status : "";
    const send = $("answer-send");
    if (send) send.textContent = a && a.status === "acked" ? t("change_answer") : t("send");
  }

  // ---------------------------------------------------------- results
  function renderResults() {
    const slot = $("results-slot");
    const r = state.results;
    slot.replaceChildren();
    if (!r || !state.prompt) return;
    const card = el("section", { class: "card results", "aria-labelledby": "results-heading" },
      el("h2", { id: "results-heading", text: t("results_heading") }),
      el("p", { class: "hint", text: t("results_answered", { answered: r.answered, participants: r.participants }) }));
    if (Array.isArray(r.options)) {
      const list = el("ul", { class: "bars" });
      for (const o of r.options) {
        const pct = Math.round(o.percent || 0);
        const bar = el("span", { class: "bar-fill" });
        bar.style.width = pct + "%";
        list.append(el("li", { class: o.correct ? "correct" : "" },
          el("span", { class: "bar-label" }, o.label, o.correct ? el("span", { class: "tag", text: "✓ " + t("correct_mark") }) : null),
          el("span", { class: "bar-track", "aria-hidden": "true" }, bar),
          el("span", { class: "bar-value", text: `${o.count} · ${pct}%` })));
      }
      card.append(list);
      if (typeof r.mean === "number" && state.prompt.kind === "scale")
        card.append(el("p", { class: "mean", text: t("mean_label", { mean: r.mean.toFixed(1) }) }));
    } else if (Array.isArray(r.texts)) {
      if (!r.texts.length) card.append(el("p", { text: t("no_texts") }));
      const list = el("ul", { class: "texts" });
      for (const text of r.texts) list.append(el("li", { text }));
      card.append(list);
    }
    slot.append(card);
  }

  // ---------------------------------------------------------- start
  applyStrings(document);
  $("conn-text").textContent = t("conn_connecting");
  showJoin(!name);
  if (name) $("whoami").textContent = t("joined_as", { name });
  setInterval(tick, 250);
  conn.connect();
})();
