// Browser test of the Origin and Host rules against a real
// `facilita run --headless`:
//  1. a page served by another web server (another port, so another origin)
//     tries to open the fellows' WebSocket, join, and drive the session over
//     the socket and POST /api/admin: all refused, nothing changes;
//  2. a host name that resolves to the server (DNS rebinding, simulated with
//     Chromium's host resolver rules) gets 421 and no page;
//  3. the real page on the server's own origin joins under
//     CSP connect-src 'self' (no `ws:`), without CSP violations.
// Usage: node origin.mjs FACILITA SESSION.yaml
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ADMIN_TOKEN, SKIP, check, newPage, publicState, startServer, stopServer, supportsHeadless,
  waitFor } from "./lib.mjs";

const [facilita, session] = process.argv.slice(2);
if (!facilita || !session) {
  console.error("usage: node origin.mjs FACILITA SESSION.yaml");
  process.exit(2);
}
if (!supportsHeadless(facilita)) {
  console.log("SKIP: this facilita has no `run --headless`");
  process.exit(SKIP);
}

const step = (text) => console.log("· " + text);
const data = mkdtempSync(join(tmpdir(), "facilita-web-origin-"));
const errors = [];
const server = await startServer(facilita, session, data);

// The foreign site: what a page on any other web site could run in a fellow's browser.
const foreignScript = (base, token) => `
  window.outcome = {};
  const ws = (label, first) => new Promise((resolve) => {
    const s = new WebSocket(${JSON.stringify(base.replace("http", "ws"))} + "/ws");
    s.onopen = () => { window.outcome[label] = "open"; s.send(JSON.stringify(first)); setTimeout(() => s.close(), 2000); };
    s.onmessage = (m) => { window.outcome[label + "-message"] = m.data.slice(0, 200); };
    s.onclose = (e) => resolve(window.outcome[label] = window.outcome[label] || "closed " + e.code);
    s.onerror = () => { window.outcome[label] = "error"; };
  });
  (async () => {
    await ws("fellow", { type: "hello", name: "Intruso" });
    await ws("admin", { type: "hello", admin: ${JSON.stringify(token)} });
    try {
      const r = await fetch(${JSON.stringify(base)} + "/api/admin", { method: "POST",
        headers: { "Authorization": "Bearer " + ${JSON.stringify(token)}, "Content-Type": "application/json" },
        body: JSON.stringify({ command: "start" }) });
      window.outcome.adminFetch = "status " + r.status;
    } catch (e) { window.outcome.adminFetch = "blocked"; }
    try {  // a "simple" request needs no preflight; the server sees the foreign Origin
      await fetch(${JSON.stringify(base)} + "/api/admin", { method: "POST", mode: "no-cors",
        headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ command: "start" }) });
      window.outcome.simplePost = "sent";
    } catch (e) { window.outcome.simplePost = "blocked"; }
    window.outcome.done = true;
  })();`;
const foreign = http.createServer((req, res) => {
  if (req.url === "/evil.js") {
    res.writeHead(200, { "Content-Type": "text/javascript" });
    return res.end(foreignScript(server.base, ADMIN_TOKEN));
  }
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end("<!doctype html><meta charset=utf-8><title>Otra página</title><script src=/evil.js></script>");
});
await new Promise((resolve) => foreign.listen(0, "127.0.0.1", resolve));
const foreignBase = `http://127.0.0.1:${foreign.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP rebind.test 127.0.0.1"],
});

try {
  const base = server.base;
  // ---------------------------------------------------------------- a foreign page
  const foreignLog = [];
  const evil = await newPage(browser, {}, foreignLog);
  const consoleLines = [];
  evil.on("console", (m) => consoleLines.push(m.text()));
  await evil.goto(foreignBase + "/");
  await evil.waitForFunction(() => window.outcome && window.outcome.done, null, { timeout: 15000 });
  const outcome = await evil.evaluate(() => window.outcome);
  check(outcome.fellow === "error" && outcome.admin === "error",
    "the foreign page's WebSockets never open: " + JSON.stringify(outcome));
  check(!outcome["fellow-message"] && !outcome["admin-message"], "no state reaches the foreign page");
  check(outcome.adminFetch === "blocked", "the foreign page cannot send the admin token: " + outcome.adminFetch);
  check(consoleLines.some((l) => /403/.test(l)), "the upgrade was answered 403: " + consoleLines.join(" | "));
  const state = await publicState(base);
  check(state.status === "waiting" && state.participants === 0,
    "nothing changed: " + JSON.stringify({ status: state.status, participants: state.participants }));
  await evil.close();
  step("a page from another origin cannot join or drive the session");

  // ---------------------------------------------------------------- DNS rebinding
  const rebound = await newPage(browser, {}, []);
  const response = await rebound.goto(`http://rebind.test:${server.port}/`);
  check(response.status() === 421, "a foreign host name gets 421: " + response.status());
  check(!(await rebound.content()).includes("Tu nombre"), "no fellow page under a foreign host name");
  await rebound.close();
  step("a host name that is not the server's gets 421 (DNS rebinding)");

  // ---------------------------------------------------------------- the real page
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 } }, errors);
  const page = await phone.goto(base + "/");
  const csp = page.headers()["content-security-policy"] || "";
  check(/connect-src 'self';/.test(csp) && !/ws:/.test(csp), "CSP connect-src 'self' only: " + csp);
  await phone.getByLabel("Tu nombre").fill("Ana");
  await phone.getByRole("button", { name: "Entrar" }).click();
  await phone.locator("#whoami", { hasText: "Ana" }).waitFor({ timeout: 10000 });
  await waitFor("participants == 1", async () => (await publicState(base)).participants === 1, 5000);
  step("the page on the server's own origin joins over ws: under connect-src 'self'");
  check(errors.length === 0, "no page errors or CSP violations:\n" + errors.join("\n"));
  console.log("OK");
} catch (e) {
  console.error(e.stack || String(e));
  console.error(errors.join("\n"));
  process.exitCode = 1;
} finally {
  await browser.close();
  foreign.close();
  await stopServer(server);
  rmSync(data, { recursive: true, force: true });
}
