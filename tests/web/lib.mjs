// Helpers for the browser tests: a `facilita run --headless` process, the
// admin API, and Chromium through playwright-core (Debian's /usr/bin/chromium).
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { chromium } from "playwright-core";

export const ADMIN_TOKEN = "web-test-admin-token";
export const SKIP = 77;  // ctest SKIP_RETURN_CODE

export function check(condition, message) {
  if (!condition) throw new Error("check failed: " + message);
}

export function supportsHeadless(facilita) {
  const help = spawnSync(facilita, ["run", "--help"], { encoding: "utf8" });
  return /--headless/.test(help.stdout || "");
}

// Starts the server and resolves with {proc, port, base} once it prints its port.
// The command line of a browser test that runs a delivery: FACILITA SESSION.yaml OUT_DIR.
// Exits 2 with a usage line when it is incomplete, SKIP when this facilita has
// no `run --headless`.
export function testArgs(script) {
  const [facilita, session, outDir] = process.argv.slice(2);
  if (!facilita || !session || !outDir) {
    console.error(`usage: node ${script} FACILITA SESSION.yaml OUT_DIR`);
    process.exit(2);
  }
  if (!supportsHeadless(facilita)) {
    console.log("SKIP: this facilita has no `run --headless`");
    process.exit(SKIP);
  }
  return { facilita, session, outDir };
}

export function startServer(facilita, session, dataDir, port = 0) {
  // FACILITA_WEB_ROOT serves other pages (e.g. an older version, to see a test fail).
  const webRoot = process.env.FACILITA_WEB_ROOT ? ["--web-root", process.env.FACILITA_WEB_ROOT] : [];
  const proc = spawn(facilita, ["run", "--headless", "--bind", "127.0.0.1", "--port", String(port),
    "--data", dataDir, "--admin-token", ADMIN_TOKEN, ...webRoot, session], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  proc.stderr.on("data", (d) => { err += d; });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("server did not start:\n" + out + err)), 60000);
    proc.stdout.on("data", (d) => {
      out += d;
      const m = /(?:listening on|escuchando en) [^\s:]+:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, port: Number(m[1]), base: `http://127.0.0.1:${m[1]}` });
      }
    });
    proc.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${out}${err}`)));
  });
}

export function stopServer(server, signal = "SIGTERM") {
  return new Promise((resolve) => {
    if (server.proc.exitCode !== null) return resolve();
    server.proc.removeAllListeners("exit");
    server.proc.on("exit", () => resolve());
    server.proc.kill(signal);
  });
}

export async function admin(base, command, extra = {}) {
  const res = await fetch(base + "/api/admin", {
    method: "POST",
    headers: { "Authorization": "Bearer " + ADMIN_TOKEN, "Content-Type": "application/json" },
    body: JSON.stringify({ command, ...extra }),
  });
  const body = await res.json();
  check(res.ok, `admin ${command}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

export async function publicState(base) {
  const res = await fetch(base + "/api/state");
  check(res.ok, "/api/state " + res.status);
  return res.json();
}

export async function waitFor(what, fn, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (last: ${last})`);
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--no-first-run"],
  });
}

// A page that fails the test on any script error or CSP violation.
export async function newPage(browser, options, errors) {
  const context = await browser.newContext({ locale: "es-MX", ...options });
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push("pageerror: " + e.message));
  page.on("console", (m) => { if (m.type() === "error" && !/WebSocket|ERR_CONNECTION_REFUSED/.test(m.text())) errors.push("console: " + m.text()); });
  return page;
}

// The "answers" column of the last row of `facilita deliveries` output (found
// by its header, so added columns do not shift it).
export function lastDeliveryAnswers(listing) {
  const lines = listing.trim().split("\n");
  const header = lines[0].trim().split(/\s+/);
  const row = lines[lines.length - 1].trim().split(/\s+/);
  // "started" is a date and a time: two fields in the row, one in the header.
  const at = header.indexOf("answers");
  const shift = header.indexOf("started") >= 0 && header.indexOf("started") < at ? 1 : 0;
  return Number(row[at + shift]);
}

// A browser test's end: what failed, with the page's errors ...
export function reportFailure(error, pageErrors) {
  console.error(error.stack || String(error));
  console.error(pageErrors.join("\n"));
  process.exitCode = 1;
}

// ... and, pass or fail, the browser closed, the server stopped, the data removed.
export async function cleanUp(browser, server, dataDir) {
  await browser.close();
  await stopServer(server);
  rmSync(dataDir, { recursive: true, force: true });
}
