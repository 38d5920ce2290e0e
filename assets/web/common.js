// Shared by the fellow page and the remote: strings, a safe Markdown subset
// rendered with DOM nodes (never innerHTML), clock formatting, and a
// WebSocket connection that reconnects with backoff and estimates the
// server's clock offset.
"use strict";

const Facilita = (() => {
  // ------------------------------------------------------------ strings
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang") === "en" ? "en" : "es";
  const table = window.FACILITA_STRINGS[lang];

  function t(key, vars) {
    let text = table[key] ?? window.FACILITA_STRINGS.es[key] ?? key;
    if (vars) text = text.replace(/\{(\w+)\}/g, (m, name) => (name in vars ? String(vars[name]) : m));
    return text;
  }

  // A refusal code as a sentence (err_<code>), or the generic one with the code.
  function reasonOf(code) {
    const key = "err_" + String(code).replace(/-/g, "_");
    const text = t(key);
    return text === key ? t("err_generic", { code }) : text;
  }

  function applyStrings(root) {
    document.documentElement.lang = lang;
    for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v == null) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children) if (c != null) node.append(c);
    return node;
  }

  // ------------------------------------------------------------ Markdown subset
  // Headings, paragraphs, nested lists, tables, **bold**, *italic*, `code`
  // and http(s) links. Text only ever becomes text nodes.
  const INLINE = /\*\*(.+?)\*\*|\*(?=\S)(.+?)\*|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

  function inline(text, parent) {
    let last = 0;
    for (const m of text.matchAll(INLINE)) {
      if (m.index > last) parent.append(text.slice(last, m.index));
      if (m[1] !== undefined) inline(m[1], parent.appendChild(document.createElement("strong")));
      else if (m[2] !== undefined) inline(m[2], parent.appendChild(document.createElement("em")));
      else if (m[3] !== undefined) parent.append(el("code", { text: m[3] }));
      else parent.append(el("a", { href: m[5], rel: "noopener noreferrer", target: "_blank", text: m[4] }));
      last = m.index + m[0].length;
    }
    if (last < text.length) parent.append(text.slice(last));
  }

  const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/;
  const TABLE_SEP = /^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;

  function cells(line) {
    let s = line.trim();
    if (s.startsWith("|")) s = s.slice(1);
    if (s.endsWith("|")) s = s.slice(0, -1);
    return s.split("|").map((c) => c.trim());
  }

  function renderMarkdown(source, container, headingOffset = 1) {
    container.replaceChildren();
    const lines = String(source || "").replace(/\r\n?/g, "\n").split("\n");
    let paragraph = null;
    let lists = [];  // stack of {indent, list, item}
    const endBlocks = () => { paragraph = null; lists = []; };

    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line.trim()) { endBlocks(); continue; }
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        endBlocks();
        const level = Math.min(6, heading[1].length + headingOffset);
        inline(heading[2], container.appendChild(document.createElement("h" + level)));
        continue;
      }
      if (line.trim().startsWith("|") && i + 1 < lines.length && TABLE_SEP.test(lines[i + 1])) {
        endBlocks();
        const table = el("table");
        const head = table.appendChild(el("thead")).appendChild(el("tr"));
        for (const c of cells(line)) inline(c, head.appendChild(el("th", { scope: "col" })));
        const body = table.appendChild(el("tbody"));
        i += 1;
        while (i + 1 < lines.length && lines[i + 1].trim().startsWith("|")) {
          const row = body.appendChild(el("tr"));
          for (const c of cells(lines[++i])) inline(c, row.appendChild(el("td")));
        }
        container.append(el("div", { class: "table-wrap" }, table));
        continue;
      }
      const item = LIST_ITEM.exec(line);
      if (item) {
        paragraph = null;
        const indent = item[1].replace(/\t/g, "  ").length;
        const tag = /\d/.test(item[2]) ? "ol" : "ul";
        while (lists.length && lists[lists.length - 1].indent > indent) lists.pop();
        let top = lists[lists.length - 1];
        if (top && top.indent === indent && top.list.tagName.toLowerCase() !== tag) { lists.pop(); top = lists[lists.length - 1]; }
        if (!top || top.indent < indent) {
          const list = el(tag);
          (top ? top.item : container).append(list);
          top = { indent, list, item: null };
          lists.push(top);
        }
        top.item = top.list.appendChild(el("li"));
        inline(item[3], top.item);
        continue;
      }
      if (lists.length && /^\s+/.test(line)) {  // continuation of a list item
        const top = lists[lists.length - 1];
        top.item.append(" ");
        inline(line.trim(), top.item);
        continue;
      }
      lists = [];
      const quote = /^>\s?(.*)$/.exec(line);
      if (quote) {
        paragraph = null;
        inline(quote[1], container.appendChild(el("blockquote")));
        continue;
      }
      if (!paragraph) paragraph = container.appendChild(el("p"));
      else paragraph.append(" ");
      inline(line.trim(), paragraph);
    }
  }

  // ------------------------------------------------------------ time
  function formatClock(ms) {
    const negative = ms < 0;
    const total = negative ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
    const m = Math.floor(total / 60), s = total % 60;
    return (negative ? "+" : "") + m + ":" + String(s).padStart(2, "0");
  }

  // Milliseconds left in the section, ticking locally between states.
  function sectionRemaining(state, offset) {
    const section = state && state.section;
    if (!section) return 0;
    if (state.status === "running" && typeof section.ends_at === "number")
      return section.ends_at - (Date.now() + offset);
    return section.remaining_s * 1000;
  }

  // ------------------------------------------------------------ connection
  // onMessage(msg), onStatus("connecting"|"online"|"offline"|"idle"), onOpen(). Idle until start().
  class Connection {
    constructor(handlers) {
      this.handlers = handlers;
      this.ws = null;
      this.attempt = 0;
      this.offset = 0;        // server clock - local clock, ms
      this.bestRtt = Infinity;
      this.timer = null;
      this.pingTimer = null;
      this.pongDue = 0;
      this.stopped = true;  // until start()
      addEventListener("online", () => this.reconnectSoon(0));
      document.addEventListener("visibilitychange", () => {
        if (document.visibilityState === "visible" && !this.isOpen()) this.reconnectSoon(0);
      });
    }
    isOpen() { return Boolean(this.ws) && this.ws.readyState === WebSocket.OPEN; }
    connect() {
      clearTimeout(this.timer);
      if (this.stopped) return;
      if (this.ws && this.ws.readyState <= WebSocket.OPEN) return;
      this.handlers.onStatus("connecting");
      const scheme = location.protocol === "https:" ? "wss" : "ws";
      const ws = new WebSocket(`${scheme}://${location.host}/ws`);
      this.ws = ws;
      ws.onopen = () => {
        this.attempt = 0;
        this.handlers.onStatus("online");
        this.ping();
        clearInterval(this.pingTimer);
        this.pingTimer = setInterval(() => this.ping(), 15000);
        this.handlers.onOpen();
      };
      ws.onmessage = (event) => {
        let msg;
        try { msg = JSON.parse(event.data); } catch { return; }
        if (msg.type === "pong") return this.onPong(msg);
        if (msg.type === "state" && typeof msg.server_time === "number" && this.bestRtt === Infinity)
          this.offset = msg.server_time - Date.now();
        this.handlers.onMessage(msg);
      };
      ws.onclose = () => {
        if (this.ws !== ws) return;
        clearInterval(this.pingTimer);
        this.handlers.onStatus("offline");
        this.reconnectSoon();
      };
      ws.onerror = () => ws.close();
    }
    // (Re)starts connecting, also after stop().
    start() {
      this.stopped = false;
      this.attempt = 0;
      this.connect();
    }
    // Stays off the server: for refusals a reconnect cannot cure (a foreign
    // origin or host), or until the page has a name to join with.
    stop() {
      this.stopped = true;
      clearTimeout(this.timer);
      clearInterval(this.pingTimer);
      const ws = this.ws;
      this.ws = null;  // its close is expected: no "offline", no reconnect
      if (ws) ws.close();
      this.handlers.onStatus("idle");
    }
    reconnectSoon(delay) {
      clearTimeout(this.timer);
      if (this.stopped) return;
      if (delay === undefined) {
        const base = Math.min(10000, 500 * 2 ** this.attempt++);
        delay = base / 2 + Math.random() * base / 2;  // jitter: 2,000 phones must not return in lockstep
      }
      this.timer = setTimeout(() => this.connect(), delay);
    }
    send(msg) {
      if (!this.isOpen()) return false;
      this.ws.send(JSON.stringify(msg));
      return true;
    }
    ping() {
      if (this.pongDue && Date.now() > this.pongDue) {  // a silent dead link: start over
        this.pongDue = 0;
        try { this.ws.close(); } catch { /* already closed */ }
        return;
      }
      if (this.send({ type: "ping", t: Date.now() }) && !this.pongDue) this.pongDue = Date.now() + 25000;
    }
    onPong(msg) {
      this.pongDue = 0;
      const now = Date.now();
      const rtt = now - msg.t;
      if (typeof msg.t === "number" && rtt >= 0 && rtt <= this.bestRtt) {
        this.bestRtt = rtt;
        this.offset = msg.server_time - (msg.t + now) / 2;
      }
    }
  }

  // The section clock and its phase label, shared by the fellow page and the
  // remote. Same rule as the engine (wrap-up at max(1 min, 20 %)), computed
  // locally so the colour changes on the second.
  function renderClock(state, offset) {
    const ms = sectionRemaining(state, offset);
    const planned = (state.section.planned_s || 0) * 1000;
    const phase = ms < 0 ? "overtime" : ms <= Math.max(60000, planned / 5) ? "wrapup" : "normal";
    document.getElementById("clock-time").textContent = formatClock(ms);
    document.getElementById("clock").hidden = state.status === "ended";  // no time is left to count
    // Paused and ended replace the phase, colour included: a stopped clock never reads "on time".
    const shown = state.status === "paused" || state.status === "ended" ? state.status : phase;
    document.getElementById("clock").dataset.phase = shown;
    document.getElementById("phase").dataset.phase = shown;
    // Zero cue (cues.js): the clock pulses when it reaches zero.
    if (window.FacilitaCues)
      window.FacilitaCues.observe(document.getElementById("clock"), state.section.id, ms, state.status === "running");
    const label = { waiting: "not_started", paused: "clock_paused", ended: "clock_ended" }[state.status];
    document.getElementById("phase-text").textContent = label ? t(label) : t("phase_" + phase);
  }

  return { lang, t, reasonOf, applyStrings, el, renderMarkdown, formatClock, sectionRemaining, renderClock, Connection };
})();
