// Fellow questions on the fellow page: ask (optionally anonymous; anonymous
// is the default), upvote others' questions, see which of one's own wait for
// approval.
//
// Asks and upvotes are durable like answers: each gets a seq from the answer
// queue (one seq space per fellow, shared with answers), waits in
// localStorage (`facilita.qa`, shared by this fellow's tabs) until the server
// acknowledges it, and is resent after every welcome. The server treats a
// resend of the same seq and content as a duplicate, so a shared outbox that
// several tabs resend is still counted once.
"use strict";
(() => {
  const { t, el, local } = Facilita;
  const MAX = 280;
  const RETRY = ["storage", "rate-limited"];
  const $ = (id) => document.getElementById(id);
  const chars = (s) => [...s].length;

  class QuestionBox {
    // send(msg) -> bool (false when not joined); nextSeq() -> a fresh seq.
    constructor({ send, nextSeq }) {
      this.send = send;
      this.nextSeq = nextSeq;
      this.state = null;
      this.ended = false;
      this.timers = new Map();
      this.you = null;  // the personal message's questions / upvoted, when the server sends one
      addEventListener("storage", (e) => { if (e.key === "facilita.qa") this.render(); });
      const form = $("qa-form");
      if (!form) return;
      $("qa-text").addEventListener("input", () => this.renderCounter());
      form.addEventListener("submit", (event) => { event.preventDefault(); this.ask(); });
    }

    // { session, outbox: {seq: msg}, mine: {seq: {text, anonymous, question, status, reason}}, voted: {question: seq} }
    load() {
      const d = local.get("qa", null);
      return d && typeof d === "object" ? Object.assign({ session: "", outbox: {}, mine: {}, voted: {} }, d)
                                        : { session: "", outbox: {}, mine: {}, voted: {} };
    }
    save(d) { local.set("qa", d); }

    // Called for every message before the page handles it; true = handled here.
    handle(msg) {
      if (msg.type === "ack" && typeof msg.seq === "number") return this.onAck(msg);
      if (msg.type === "error" && typeof msg.seq === "number") return this.onError(msg.seq, String(msg.code || ""));
      if (msg.type === "you") { this.you = msg; this.render(); }
      return false;
    }
    // Called after the page handled a message.
    after(msg) {
      if (msg.type === "welcome") this.flush();
      else if (msg.type === "state") {
        this.state = msg;
        const d = this.load();
        if (msg.session && msg.session.id && d.session !== msg.session.id) {  // a new session forgets the old one
          this.save({ session: msg.session.id, outbox: {}, mine: {}, voted: {} });
        }
        if (msg.status === "ended") this.ended = true;
        this.render();
      }
    }

    ask() {
      const box = $("qa-text");
      const text = box.value.replace(/\s+/g, " ").trim();
      const error = $("qa-error");
      if (!text) { error.textContent = t("write_something"); return; }
      if (chars(text) > MAX) { error.textContent = t("qa_too_long"); return; }
      error.textContent = "";
      const anonymous = $("qa-anon").checked;
      const seq = this.nextSeq();
      const d = this.load();
      d.outbox[seq] = { type: "ask", text, anonymous, seq };
      d.mine[seq] = { text, anonymous, question: null, status: "pending", reason: "" };
      this.save(d);
      box.value = "";
      this.renderCounter();
      this.send(d.outbox[seq]);
      this.render();
    }

    upvote(question) {
      const d = this.load();
      if (d.voted[question] !== undefined) return;
      const seq = this.nextSeq();
      d.outbox[seq] = { type: "upvote", question, seq };
      d.voted[question] = seq;
      this.save(d);
      this.send(d.outbox[seq]);
      this.render();
    }

    flush() {
      const d = this.load();
      for (const seq of Object.keys(d.outbox).map(Number).sort((a, b) => a - b)) this.send(d.outbox[seq]);
    }

    onAck(msg) {
      const d = this.load();
      const entry = d.outbox[msg.seq];
      const mine = d.mine[msg.seq];
      if (!entry && !mine) return Object.values(d.voted).includes(msg.seq);
      delete d.outbox[msg.seq];
      if (mine) Object.assign(mine, { status: "acked", reason: "", question: typeof msg.question === "string" ? msg.question : mine.question });
      this.save(d);
      this.render();
      return true;
    }

    onError(seq, code) {
      const d = this.load();
      const entry = d.outbox[seq];
      if (!entry) return false;
      if (code === "seq-reused") {  // the number was taken: the same message under a new seq
        const fresh = this.nextSeq();
        delete d.outbox[seq];
        d.outbox[fresh] = Object.assign({}, entry, { seq: fresh });
        if (d.mine[seq]) { d.mine[fresh] = d.mine[seq]; delete d.mine[seq]; }
        if (entry.type === "upvote") d.voted[entry.question] = fresh;
        this.save(d);
        this.send(d.outbox[fresh]);
        return true;
      }
      if (RETRY.includes(code) && !this.ended) {  // nothing changed on the server: try again later
        clearTimeout(this.timers.get(seq));
        this.timers.set(seq, setTimeout(() => { const now = this.load().outbox[seq]; if (now) this.send(now); },
          2000 + Math.random() * 3000));
        return true;
      }
      delete d.outbox[seq];
      if (entry.type === "upvote") delete d.voted[entry.question];
      if (entry.type === "ask") {
        delete d.mine[seq];
        const box = $("qa-text");
        if (box && !box.value) { box.value = entry.text; this.renderCounter(); }  // not lost: try again later
        const error = $("qa-error");
        if (error) error.textContent = t("qa_not_sent", { reason: Facilita.reasonOf(code) });
      }
      this.save(d);
      this.render();
      return true;
    }

    renderCounter() {
      const n = chars($("qa-text").value.replace(/\s+/g, " ").trim());
      const counter = $("qa-count");
      counter.textContent = t("qa_count", { n, max: MAX });
      counter.dataset.over = n > MAX ? "true" : "false";
    }

    render() {
      const card = $("qa");
      if (!card || !this.state) return;
      card.hidden = false;
      const d = this.load();
      const list = Array.isArray(this.state.questions) ? this.state.questions : [];
      const ownIds = new Set(Object.values(d.mine).map((m) => m.question).filter(Boolean));
      const upvoted = new Set(Object.keys(d.voted));
      if (this.you && Array.isArray(this.you.upvoted)) for (const q of this.you.upvoted) upvoted.add(String(q));
      if (this.you && Array.isArray(this.you.questions)) for (const q of this.you.questions) ownIds.add(String(q.id));
      $("qa-form").hidden = this.ended;
      $("qa-moderated").hidden = this.state.moderation !== true || this.ended;

      const ul = $("qa-list");
      ul.replaceChildren();
      for (const q of list) {
        const own = ownIds.has(q.id), voted = upvoted.has(q.id);
        const button = el("button", {
          type: "button", class: "vote", "aria-pressed": voted ? "true" : "false",
          disabled: own || voted || this.ended,
          "aria-label": t(own ? "qa_own" : voted ? "qa_voted" : "qa_vote", { votes: q.votes }),
          title: t(own ? "qa_own" : voted ? "qa_voted" : "qa_vote", { votes: q.votes }),
          onclick: () => this.upvote(q.id),
        }, el("span", { "aria-hidden": "true", text: "▲" }), el("span", { class: "votes", text: String(q.votes) }));
        const meta = [];
        if (q.name) meta.push(q.name);
        if (own) meta.push(t("qa_yours"));
        if (q.answered) meta.push(t("qa_answered"));
        ul.append(el("li", { class: "qa-item" + (q.answered ? " answered" : ""), "data-id": q.id }, button,
          el("div", { class: "qa-body" }, el("p", { class: "qa-text", text: q.text }),
            meta.length ? el("p", { class: "hint", text: meta.join(" · ") }) : null)));
      }
      $("qa-empty").hidden = list.length > 0;

      // Own questions the room does not see yet: waiting for approval (or still being sent).
      const shown = new Set(list.map((q) => q.id));
      const waiting = $("qa-waiting");
      waiting.replaceChildren();
      const youStatus = new Map((this.you && Array.isArray(this.you.questions) ? this.you.questions : []).map((q) => [String(q.id), q.status]));
      for (const m of Object.values(d.mine)) {
        if (m.question && shown.has(m.question)) continue;
        const status = m.question ? youStatus.get(m.question) : undefined;
        if (status === "hidden" || status === "answered") continue;
        const label = m.status === "acked" ? t("qa_waiting") : t("sending");
        waiting.append(el("li", { class: "qa-item mine" }, el("div", { class: "qa-body" },
          el("p", { class: "qa-text", text: m.text }), el("p", { class: "hint", text: label }))));
      }
      waiting.hidden = waiting.children.length === 0;
    }
  }

  Facilita.QuestionBox = QuestionBox;
})();
