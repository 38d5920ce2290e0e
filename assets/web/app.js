// The fellow page: join with a name, follow the section and its clock,
// answer the open prompt. Answers wait in the browser until the server
// acknowledges them (after its journal commit) and are re-sent after a
// reconnect; the server counts a repeated seq once. The queue itself, safe
// with several tabs of one fellow, is in answers.js.
"use strict";
(() => {
  const { t, el, applyStrings, renderMarkdown, formatClock, renderClock, reasonOf, Connection, AnswerQueue, local } = Facilita;
  const $ = (id) => document.getElementById(id);

  let token = local.get("token", "");
  let name = local.get("name", "");
  let joinedName = name;

  let state = null;
  let welcomed = false;
  let promptKey = "";
  let contentKey = "";
  const contents = new Map();  // content key -> markdown, from `content` messages

  // ---------------------------------------------------------- connection
  const conn = new Connection({
    onStatus(status) {
      $("conn").dataset.state = status;
      $("conn-text").textContent = status === "idle" ? "" : t("conn_" + status);
      if (status !== "online") welcomed = false;
      renderAnswerStatus();
    },
    onOpen() { if (name) hello(); },
    onMessage(msg) {
      if (qa && qa.handle(msg)) return;  // acks and errors of questions and votes (questions.js)
      if (msg.type === "state") onState(msg);
      else if (msg.type === "content") onContent(msg);
      else if (msg.type === "live") onLive(msg);
      else if (msg.type === "welcome") onWelcome(msg);
      else if (msg.type === "ack") queue.onAck(msg.seq);
      else if (msg.type === "error") onError(msg);
      else if (msg.type === "you" && Facilita.you) Facilita.you.onYou(msg);
      if (qa) qa.after(msg);
    },
  });

  const queue = new AnswerQueue({
    send: (msg) => welcomed && conn.send(msg),
    onChange: () => renderAnswerStatus(),
  });

  const qa = Facilita.QuestionBox
    ? new Facilita.QuestionBox({ send: (msg) => welcomed && conn.send(msg), nextSeq: () => queue.nextSeq() }) : null;

  function hello() { conn.send({ type: "hello", name, token: token || undefined }); }

  function onWelcome(msg) {
    welcomed = true;
    token = msg.token || token;
    local.set("token", token);
    joinedName = msg.name || name;
    name = joinedName;
    local.set("name", name);  // kept only once the server took it
    $("whoami").textContent = t("joined_as", { name: joinedName });
    showJoin(false);
    showProblem("");
    queue.flush();
  }

  const JOIN_REFUSALS = ["bad-name", "join-failed", "rename-limit", "too-many-joins", "room-full", "already-joined"];

  function onError(msg) {
    const code = String(msg.code || "");
    if (typeof msg.seq === "number" && queue.onError(msg.seq, code, reasonOf(code))) return;
    if (JOIN_REFUSALS.includes(code)) {
      // A refused name or rename leaves the one the server knows. Without
      // one, the page stays off the server until the form is sent again
      // (the server closes sockets that never join).
      const tried = name;
      name = joinedName;
      if (code === "rename-limit" && joinedName) {  // still in, under the old name
        showJoin(false);
        return showProblem(reasonOf(code));
      }
      if (!joinedName) conn.stop();
      showJoin(true, tried);
      $("name-error").textContent = code === "bad-name" || code === "join-failed" ? t("err_bad_name") : reasonOf(code);
      return;
    }
    if (code === "hello-timeout") {  // a name is needed first; reconnecting with one says hello at once
      if (!name) conn.stop();
      return;
    }
    if (code === "ended") {  // refused after the end: what is still queued here cannot land any more
      queue.end();
      queue.settleAll();
      return;
    }
    if (code === "forbidden-origin" || code === "bad-host") conn.stop();  // reconnecting cannot help
    else if (code === "storage" && !welcomed && name) {  // the join was not saved: keep trying
      setTimeout(() => { if (!welcomed && conn.isOpen()) hello(); }, 3000 + Math.random() * 3000);
      return showProblem(t("retrying"));
    }
    showProblem(reasonOf(code));
  }

  function showProblem(text) {
    $("problem").textContent = text;
    $("problem").hidden = !text;
  }

  // ---------------------------------------------------------- joining
  function showJoin(show, value = name) {
    $("join-view").hidden = !show;
    $("session-view").hidden = show;
    if (show) { $("name").value = value; $("name").focus(); }
  }

  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const value = $("name").value.trim();
    if (!value || value.length > 40) { $("name-error").textContent = t("err_bad_name"); return; }
    $("name-error").textContent = "";
    name = value;
    showJoin(false);
    if (conn.isOpen()) hello();
    else conn.start();
  });
  $("rename").addEventListener("click", () => showJoin(true));

  // ---------------------------------------------------------- state
  function onState(next) {
    if (next.session) queue.setSession(next.session.id);
    const ending = next.status === "ended" && state && state.status !== "ended";
    // Results hidden again on the same prompt: the facilitator started a new round.
    const was = state && state.prompt, now = next.prompt;
    if (was && now && was.id === now.id && was.revealed && !now.revealed) queue.forgetPrompt(now.id);
    state = next;
    if (state.status === "ended") queue.end();
    render();
    // Someone reading further down must not miss the end.
    if (ending && $("notice").scrollIntoView) $("notice").scrollIntoView({ block: "start" });
  }

  // Content comes once per section or change, named by a key the states carry.
  function onContent(msg) {
    if (typeof msg.key !== "string") return;
    contents.set(msg.key, String(msg.content || ""));
    if (contents.size > 50) contents.delete(contents.keys().next().value);
    if (state) renderContent();
  }

  // Counters only; an older one than the last state is stale.
  function onLive(msg) {
    if (!state || typeof msg.version !== "number" || msg.version < (state.version || 0)) return;
    if (typeof msg.answered === "number") state.answered = msg.answered;
    if (typeof msg.participants === "number") state.participants = msg.participants;
    renderCounts();
  }

  function render() {
    if (!state) return;
    $("session-title").textContent = state.session ? state.session.title : "";
    const section = state.section || {};
    $("section-count").textContent = section.count ? t("section_of", { n: section.index + 1, count: section.count }) : "";
    $("section-title").textContent = section.title || "";
    $("next-section").textContent = state.next_section && state.status !== "ended" ? t("next_section", { title: state.next_section.title }) : "";
    const notice = { waiting: "status_waiting", paused: "status_paused", ended: "status_ended" }[state.status];
    $("notice").hidden = !notice;
    $("notice").textContent = notice ? t(notice) : "";
    $("notice").dataset.status = state.status || "";
    renderContent();
    renderPrompt();
    renderCounts();
    renderResults();
    FacilitaSteps.render(state);
    if (Facilita.renderRoom) Facilita.renderRoom(state, conn.offset);  // room.js: message, break
    if (Facilita.you) Facilita.you.onState(state);
    tick();
  }

  function renderContent() {
    const section = state.section || {};
    let text = section.content;
    if (typeof section.content_key === "string") {
      if (!contents.has(section.content_key)) return;  // its `content` message is on the way
      text = contents.get(section.content_key);
    }
    const key = (section.id || "") + "\u0000" + (section.content_key || text || "");
    if (key === contentKey) return;
    contentKey = key;
    renderMarkdown(text, $("content"));
  }

  const open = () => state && state.prompt && state.prompt.open && state.status !== "ended";

  function renderCounts() {
    const counts = $("prompt-counts");
    if (!counts) return;
    counts.textContent = open() && typeof state.answered === "number" && typeof state.participants === "number"
      ? t("results_answered", { answered: state.answered, participants: state.participants }) : "";
  }

  function tick() {
    if (state && Facilita.tickRoom) Facilita.tickRoom(state, conn.offset);
    if (!state || !state.section) return;
    renderClock(state, conn.offset);
    FacilitaSteps.tick(state, conn.offset);
    const closes = open() && state.status === "running" && state.prompt.closes_at;
    const left = $("prompt-closes");
    // The server closes a timed prompt when its window runs out; the hint counts down to it.
    const until = closes ? closes - (Date.now() + conn.offset) : 0;
    if (left) left.textContent = until > 0 ? t("prompt_closes_in", { time: formatClock(until) }) : "";
  }

  // ---------------------------------------------------------- prompt
  function renderPrompt() {
    const slot = $("prompt-slot");
    const p = state.prompt;
    const key = p ? [p.id, open(), state.status === "ended", p.kind, p.round, JSON.stringify(p.options)].join("|") : "";
    if (key === promptKey) return renderAnswerStatus();
    promptKey = key;
    slot.replaceChildren();
    if (!p) return;
    const card = el("section", { class: "card prompt", "aria-labelledby": "prompt-text" },
      el("p", { class: "eyebrow", text: t("prompt_heading") }),
      el("h2", { id: "prompt-text", class: "prompt-text", text: p.text }),
      el("p", { id: "prompt-closes", class: "hint" }),
      el("p", { id: "prompt-counts", class: "hint" }));
    if (open()) card.append(buildForm(p));
    else card.append(el("p", { class: "closed", text: t(state.status === "ended" ? "prompt_ended" : "prompt_closed") }));
    card.append(el("p", { id: "answer-status", class: "answer-status", role: "status", "aria-live": "polite" }));
    slot.append(card);
    renderAnswerStatus();
  }

  // This fellow's answer to the prompt's current round (a new round starts blank).
  function mineFor(p) {
    const a = queue.answer(p.id);
    return a && String(a.round ?? "") === String(p.round ?? "") ? a : undefined;
  }

  function buildForm(p) {
    const form = el("form", { id: "answer-form", novalidate: true });
    const mine = mineFor(p) && mineFor(p).value;
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
      if (!open()) return;
      queue.submit(p.id, value, p.round);
      const status = $("answer-status");  // on a phone it sits below the fold, under the button
      if (status && status.scrollIntoView) status.scrollIntoView({ block: "nearest" });
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

  function renderAnswerStatus() {
    const status = $("answer-status");
    if (!status || !state || !state.prompt) return;
    const a = mineFor(state.prompt);
    let text = "";
    if (a && a.status === "acked") text = t("received");
    else if (a && a.status === "retrying") text = t("retrying");
    else if (a && a.status === "pending") text = welcomed ? t("sending") : t("queued");
    else if (a && a.status === "rejected") text = t("not_recorded", { reason: a.reason });
    else if (a && a.status === "unconfirmed") text = t("unconfirmed");
    if (a && !open() && a.status === "acked") text += " " + t("your_answer", { value: [].concat(a.value).join(", ") });
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
  $("conn").dataset.state = name ? "connecting" : "idle";
  $("conn-text").textContent = name ? t("conn_connecting") : "";
  showJoin(!name);
  addEventListener("storage", (e) => { if (e.key === "facilita.name" && e.newValue) name = JSON.parse(e.newValue); });
  if (name) $("whoami").textContent = t("joined_as", { name });
  setInterval(tick, 250);
  // The socket opens once there is a name to join with; until then only the title is fetched.
  if (name) conn.start();
  else fetch("/api/state").then((r) => (r.ok ? r.json() : null)).then((s) => {
    if (s && s.session && !state) $("session-title").textContent = s.session.title;
  }).catch(() => {});
})();
