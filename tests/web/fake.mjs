// A scripted stand-in for the server, for browser tests of failures a real
// server cannot be made to show on demand (a full disk, a reused seq, the
// newer wire with content keys). The pages come from assets/web through
// playwright's request routing; the WebSocket is answered in the test
// (context.routeWebSocket), so nothing listens on a port.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const ORIGIN = "http://facilita.test";

const TYPES = { html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", css: "text/css; charset=utf-8",
  svg: "image/svg+xml" };
// The server's policy, with connect-src as strict as it gets ('self' only).
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
  + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

export async function servePages(context, webRoot) {
  await context.route(ORIGIN + "/**", (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = path === "/" ? "index.html" : path === "/remote" ? "remote.html" : path.slice(1);
    if (!/^[a-z_]+\.(html|js|css|svg)$/.test(file)) return route.fulfill({ status: 404, body: "not found" });
    let body;
    try { body = readFileSync(join(webRoot, file)); } catch { return route.fulfill({ status: 404, body: "not found" }); }
    return route.fulfill({ status: 200, body, headers: { "Content-Type": TYPES[file.split(".").pop()],
      "Content-Security-Policy": CSP, "Cache-Control": "no-store" } });
  });
}

// The public state of a small session with one poll, as the server builds it.
export function baseState(over = {}) {
  const now = Date.now();
  return {
    type: "state", version: 1, server_time: now,
    session: { id: "fake-session", title: "Sesión de prueba", language: "es" },
    status: "running",
    section: { id: "intro", title: "Introducción", index: 0, count: 2, planned_s: 600, remaining_s: 500,
      phase: "normal", ends_at: now + 500000, content: "# Bienvenida\nTexto de la sección." },
    next_section: { id: "cierre", title: "Cierre" },
    prompt: { id: "q1", kind: "poll", text: "¿Qué prefieres?", options: ["Café", "Té", "Agua"], open: true, revealed: false },
    results: null, answered: 0, participants: 1,
    ...over,
  };
}

// Fake server: `onAnswer(msg, ws)` decides the reply (default: ack). Every
// message a page sends is kept in `received`; `sockets` are the open ones.
export class FakeServer {
  constructor() {
    this.state = baseState();
    this.received = [];
    this.sockets = new Set();
    this.onAnswer = (msg, ws) => ws.send(JSON.stringify({ type: "ack", seq: msg.seq, duplicate: false }));
    this.onCommand = (msg, ws) => ws.send(JSON.stringify({ type: "ack", seq: msg.seq, duplicate: false }));
    this.onConnect = (ws) => this.sendState(ws);
    this.refuseHello = "";  // a code: refuse every hello with it
  }
  async attach(context) {
    await context.route(ORIGIN + "/api/state", (route) => route.fulfill({ status: 200,
      contentType: "application/json", body: JSON.stringify(this.state) }));
    await context.routeWebSocket(/\/ws$/, (ws) => {
      this.sockets.add(ws);
      ws.onClose(() => this.sockets.delete(ws));
      ws.onMessage((text) => {
        const msg = JSON.parse(String(text));
        this.received.push(msg);
        if (msg.type === "ping") ws.send(JSON.stringify({ type: "pong", t: msg.t, server_time: Date.now() }));
        else if (msg.type === "hello" && msg.admin)
          ws.send(JSON.stringify({ type: "welcome", protocol: 1, admin: true }));
        else if (msg.type === "hello" && this.refuseHello)
          ws.send(JSON.stringify({ type: "error", code: this.refuseHello, message: "" }));
        else if (msg.type === "hello")
          ws.send(JSON.stringify({ type: "welcome", protocol: 1, participant: "p-000000000001",
            token: msg.token || "0123456789abcdef0123456789abcdef", name: msg.name }));
        else if (msg.type === "answer") this.onAnswer(msg, ws);
        else if (msg.type === "command") this.onCommand(msg, ws);
      });
      this.onConnect(ws);
    });
  }
  sendState(ws) { ws.send(JSON.stringify({ ...this.state, server_time: Date.now() })); }
  // A new state (version + 1) to every page.
  publish(change) {
    this.state = { ...this.state, ...change, version: this.state.version + 1 };
    for (const ws of this.sockets) this.sendState(ws);
  }
  broadcast(msg) { for (const ws of this.sockets) ws.send(JSON.stringify(msg)); }
  answers() { return this.received.filter((m) => m.type === "answer"); }
}
