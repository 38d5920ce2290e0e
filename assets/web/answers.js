// The fellow page's answer queue, safe with several tabs of one fellow.
//
// All tabs share the token and `facilita.answers` (the newest answer to each
// prompt) in localStorage. Each tab numbers its answers itself:
// seq = tab × 2^32 + counter, where `tab` is a random number below 2^21 kept
// in sessionStorage (a reload keeps it, a duplicated tab that finds its
// original alive picks another), so two tabs never send the same seq and
// every seq stays below 2^53. Each tab queues its unacknowledged answers in
// `facilita.outbox.<tab>` and beats `facilita.tab.<tab>` every 2 s; the queue
// of a tab that closed (no beat for 15 s) is adopted and resent by another
// tab or the next page load. Resending an adopted answer keeps its seq, so
// the server counts it once.
"use strict";
(() => {
  const PREFIX = "facilita.";
  const BEAT_MS = 2000;
  const STALE_MS = 15000;
  const LOW = 2 ** 32;
  const TABS = 2 ** 21 - 1;  // tab × 2^32 + counter < 2^53

  const local = {
    get(key, fallback) {
      try { const v = localStorage.getItem(PREFIX + key); return v === null ? fallback : JSON.parse(v); }
      catch { return fallback; }
    },
    set(key, value) {
      try { localStorage.setItem(PREFIX + key, JSON.stringify(value)); } catch { /* private mode: memory only */ }
    },
    remove(key) { try { localStorage.removeItem(PREFIX + key); } catch { /* ignore */ } },
    keys(prefix) {
      const out = [];
      try {
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i);
          if (k && k.startsWith(PREFIX + prefix)) out.push(k.slice(PREFIX.length + prefix.length));
        }
      } catch { /* ignore */ }
      return out;
    },
  };

  const alive = (id, now) => {
    const beat = local.get("tab." + id, 0);
    return typeof beat === "number" && now - beat < STALE_MS;
  };

  function pickTab() {
    let saved = null;
    try { saved = JSON.parse(sessionStorage.getItem(PREFIX + "tab")); } catch { /* none */ }
    const now = Date.now();
    // A reload finds its own beat gone (pagehide removes it); a duplicated tab
    // finds the original's beat fresh and must not share its numbers.
    if (saved && Number.isInteger(saved.id) && saved.id > 0 && saved.id < TABS && !alive(saved.id, now))
      return { id: saved.id, next: Math.max(1, Math.min(LOW - 1, Number(saved.next) || 1)) };
    const taken = new Set([...local.keys("tab."), ...local.keys("outbox.")].map(Number));
    let id;
    do id = 1 + Math.floor(Math.random() * (TABS - 1)); while (taken.has(id));
    return { id, next: 1 };
  }

  class AnswerQueue {
    // send(msg) -> bool (false when not joined), onChange() after any change
    // the page should show.
    constructor({ send, onChange }) {
      this.sendMsg = send;
      this.onChange = onChange;
      this.tab = pickTab();
      this.session = local.get("session", "");
      this.outbox = local.get("outbox." + this.tab.id, {});  // seq -> {prompt, value, seq, at, session}
      this.timers = new Map();  // seq -> retry timer
      this.tries = new Map();   // seq -> failed attempts, for the backoff
      this.ended = false;
      this.saveTab();
      local.set("tab." + this.tab.id, Date.now());
      setInterval(() => this.beat(), BEAT_MS);
      addEventListener("pagehide", () => local.remove("tab." + this.tab.id));
      addEventListener("pageshow", (e) => { if (e.persisted) this.beat(); });
      addEventListener("storage", (e) => {
        if (e.key === PREFIX + "answers") { this.dropSuperseded(); this.onChange(); }
      });
    }

    // Also picks up the queue of a tab that closed while this one stays open.
    beat() {
      local.set("tab." + this.tab.id, Date.now());
      const before = this.pending();
      this.adopt();
      if (this.pending() > before) this.resend();
    }
    saveTab() {
      try { sessionStorage.setItem(PREFIX + "tab", JSON.stringify(this.tab)); } catch { /* ignore */ }
    }
    saveOutbox() {
      if (Object.keys(this.outbox).length) local.set("outbox." + this.tab.id, this.outbox);
      else local.remove("outbox." + this.tab.id);
    }
    nextSeq() {
      if (this.tab.next >= LOW) this.tab = { id: pickTab().id, next: 1 };  // 4 billion answers later
      const seq = this.tab.id * LOW + this.tab.next++;
      this.saveTab();
      return seq;
    }

    // ------------------------------------------------ shared answers
    answers() { return local.get("answers", {}); }
    answer(prompt) { return this.answers()[prompt]; }
    // Changes the shared record of `prompt` only while it is about `seq`.
    mark(prompt, seq, fields) {
      const all = this.answers();
      if (!all[prompt] || all[prompt].seq !== seq) return;
      Object.assign(all[prompt], fields);
      local.set("answers", all);
    }

    // A new session forgets the old one's answers and queue.
    setSession(id) {
      if (!id || id === local.get("session", "")) { this.session = id || this.session; return; }
      this.session = id;
      local.set("session", id);
      local.set("answers", {});
      for (const seq of Object.keys(this.outbox)) this.forget(seq);
      this.saveOutbox();
      this.onChange();
    }

    // A new round of `prompt` started: the server cleared its answers, so
    // this fellow's record and anything queued for the old round go too.
    forgetPrompt(prompt) {
      const all = this.answers();
      if (all[prompt]) { delete all[prompt]; local.set("answers", all); }
      for (const [s, e] of Object.entries(this.outbox)) if (e.prompt === prompt) this.forget(s);
      this.saveOutbox();
      this.onChange();
    }

    submit(prompt, value, round) {
      const seq = this.nextSeq();
      for (const s of Object.keys(this.outbox)) if (this.outbox[s].prompt === prompt) this.forget(s);
      const entry = { prompt, value, seq, at: Date.now(), session: this.session };
      this.outbox[seq] = entry;
      this.saveOutbox();
      const all = this.answers();
      all[prompt] = { value, seq, at: entry.at, round, status: "pending" };
      local.set("answers", all);
      this.send(entry);
      this.onChange();
    }

    send(entry) {
      return this.sendMsg({ type: "answer", prompt: entry.prompt, value: entry.value, seq: entry.seq });
    }

    forget(seq) {
      delete this.outbox[seq];
      clearTimeout(this.timers.get(Number(seq)));
      this.timers.delete(Number(seq));
      this.tries.delete(Number(seq));
    }

    // An answer queued here that a newer one (from any tab) replaced is not sent.
    dropSuperseded() {
      const all = this.answers();
      let changed = false;
      for (const [s, e] of Object.entries(this.outbox)) {
        const newest = all[e.prompt];
        if (newest && newest.seq !== e.seq && newest.at >= e.at) { this.forget(s); changed = true; }
      }
      if (changed) this.saveOutbox();
    }

    // Takes over the queues of closed tabs (and of the single-tab page before them).
    adopt() {
      const now = Date.now();
      let changed = false;
      const take = (entries, session) => {
        for (const e of Object.values(entries || {})) {
          if (!e || typeof e.seq !== "number" || this.outbox[e.seq]) continue;
          this.outbox[e.seq] = { prompt: e.prompt, value: e.value, seq: e.seq, at: e.at || 0, session: e.session || session };
          changed = true;
        }
      };
      for (const id of local.keys("outbox.")) {
        if (Number(id) === this.tab.id || alive(id, now)) continue;
        take(local.get("outbox." + id, {}), "");
        local.remove("outbox." + id);
      }
      for (const id of local.keys("tab.")) if (!alive(id, now)) local.remove("tab." + id);
      const legacy = local.get("outbox", null);
      if (legacy) { take(legacy, local.get("session", "")); local.remove("outbox"); local.remove("seq"); }
      if (changed) this.saveOutbox();
    }

    // After `welcome`: everything still queued goes out in seq order.
    flush() {
      this.adopt();
      this.dropSuperseded();
      this.resend();
    }

    resend() {
      for (const [s, e] of Object.entries(this.outbox))
        if (this.session && e.session && e.session !== this.session) this.forget(s);
      this.saveOutbox();
      for (const seq of Object.keys(this.outbox).map(Number).sort((a, b) => a - b)) {
        clearTimeout(this.timers.get(seq));
        this.timers.delete(seq);
        this.send(this.outbox[seq]);
      }
      this.onChange();
    }

    pending() { return Object.keys(this.outbox).length; }

    onAck(seq) {
      const e = this.outbox[seq];
      if (e) { this.forget(seq); this.saveOutbox(); this.mark(e.prompt, seq, { status: "acked", reason: "" }); }
      else {  // an answer adopted or sent by another tab
        const all = this.answers();
        const p = Object.keys(all).find((k) => all[k].seq === seq);
        if (p) this.mark(p, seq, { status: "acked", reason: "" });
      }
      this.onChange();
    }

    // Returns false when the error is not about a queued answer of this tab.
    onError(seq, code, reason) {
      const e = this.outbox[seq];
      if (!e) return false;
      if (code === "seq-reused") {  // the seq was taken (another tab, an older page): same answer, new seq
        this.forget(seq);
        const fresh = this.nextSeq();
        this.outbox[fresh] = Object.assign({}, e, { seq: fresh });
        this.saveOutbox();
        this.mark(e.prompt, seq, { seq: fresh });
        this.send(this.outbox[fresh]);
        this.onChange();
        return true;
      }
      if ((code === "storage" || code === "rate-limited") && !this.ended) {
        // Nothing changed on the server: keep the answer and try again later.
        const tries = (this.tries.get(seq) || 0) + 1;
        this.tries.set(seq, tries);
        const base = Math.min(30000, 2000 * 2 ** (tries - 1));
        clearTimeout(this.timers.get(seq));
        this.timers.set(seq, setTimeout(() => {
          this.timers.delete(seq);
          if (this.outbox[seq]) this.send(this.outbox[seq]);
        }, base / 2 + Math.random() * base / 2));
        if (code === "storage") this.mark(e.prompt, seq, { status: "retrying" });
        this.onChange();
        return true;
      }
      this.forget(seq);
      this.saveOutbox();
      this.mark(e.prompt, seq, { status: "rejected", reason });
      this.onChange();
      return true;
    }

    // The server will take nothing more (its session ended and it refused
    // the join): what is still queued here can no longer be confirmed.
    settleAll() {
      for (const [s, e] of Object.entries(this.outbox)) { this.forget(s); this.mark(e.prompt, e.seq, { status: "unconfirmed" }); }
      this.saveOutbox();
      this.onChange();
    }

    // The session ended: no more retries. What is still queued goes once more
    // (one already committed is acknowledged as a duplicate, the others get
    // `ended` and are settled), now or at the next welcome.
    end() {
      if (this.ended) return;
      this.ended = true;
      for (const t of this.timers.values()) clearTimeout(t);
      this.timers.clear();
      this.resend();
    }
  }

  Facilita.AnswerQueue = AnswerQueue;
  Facilita.local = local;
})();
