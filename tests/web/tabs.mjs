// Two tabs of one fellow (two pages in one browser context: same
// localStorage, same token) against a real `facilita run --headless`:
//  1. online, the tabs answer the same open prompt alternately: every answer
//     is acknowledged, the last one wins;
//  2. server down, both tabs answer (queued), server back: the last answer
//     given lands, nothing older overwrites it, both queues empty;
//  3. server down, one tab answers and is closed: the other tab adopts its
//     queue and the answer lands;
// and throughout: no seq is ever sent with two different answers, every sent
// seq is acknowledged, the journal holds one event per answer that landed.
// Usage: node tabs.mjs FACILITA OUT_DIR
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SKIP, admin, check, launchBrowser, publicState, startServer, stopServer, supportsHeadless, waitFor, lastDeliveryAnswers, cleanUp, reportFailure } from "./lib.mjs";

const [facilita, outDir] = process.argv.slice(2);
if (!facilita || !outDir) {
  console.error("usage: node tabs.mjs FACILITA OUT_DIR");
  process.exit(2);
}
if (!supportsHeadless(facilita)) {
  console.log("SKIP: this facilita has no `run --headless`");
  process.exit(SKIP);
}

const PROMPT = "q-color";
const OPTIONS = ["Rojo", "Verde", "Azul", "Negro"];
const data = mkdtempSync(join(tmpdir(), "facilita-tabs-"));
const session = join(data, "two-tabs.yaml");
writeFileSync(session, `id: web-two-tabs
title: Dos pestañas
language: es
duration: 20 min
sections:
  - id: una
    title: Una
    duration: 20 min
    content: |
      Texto de la sección.
    prompts:
      - id: ${PROMPT}
        kind: poll
        text: ¿Qué color?
        options: [${OPTIONS.join(", ")}]
`);
const errors = [];
const sent = [];   // {tab, seq, prompt, value}
const acked = new Set();
let server = await startServer(facilita, session, data);
const browser = await launchBrowser();
const step = (text) => console.log("· " + text);

function watch(page, tab) {
  page.on("pageerror", (e) => errors.push(`pageerror (${tab}): ${e.message}`));
  page.on("websocket", (ws) => {
    ws.on("framesent", (f) => {
      const m = JSON.parse(f.payload);
      if (m.type === "answer") sent.push({ tab, seq: m.seq, prompt: m.prompt, value: m.value });
    });
    ws.on("framereceived", (f) => {
      const m = JSON.parse(f.payload);
      if (m.type === "ack") acked.add(m.seq);
      if (m.type === "error" && m.seq !== undefined) errors.push(`error (${tab}): ${f.payload}`);
    });
  });
}

// No seq was ever sent with two different answers (the server would count one).
function uniqueSeqs() {
  const bySeq = new Map();
  for (const s of sent) {
    const payload = JSON.stringify([s.prompt, s.value]);
    check(!bySeq.has(s.seq) || bySeq.get(s.seq) === payload, `seq ${s.seq} sent with two answers: ${JSON.stringify(sent)}`);
    bySeq.set(s.seq, payload);
    check(Number.isSafeInteger(s.seq) && s.seq > 0, "seq is a safe integer: " + s.seq);
  }
  return bySeq;
}

async function answer(page, value) {
  await page.getByText(value, { exact: true }).click();
  await page.locator("#answer-send").click();
}
// The page says the answer waits for the connection; a timeout names what it said instead.
async function queuedOffline(page) {
  try {
    await page.locator("#answer-status", { hasText: "Sin conexión" }).waitFor({ timeout: 30000 });
  } catch (e) {
    const seen = await page.evaluate(() => ({
      status: document.getElementById("answer-status")?.textContent,
      data: document.getElementById("answer-status")?.dataset.status,
      conn: document.getElementById("conn")?.dataset.state,
      checked: [...document.querySelectorAll("input:checked")].map((i) => i.value),
    }));
    throw new Error("the answer is not shown as queued offline: " + JSON.stringify(seen) + "\n" + e.message);
  }
}
const received = (page) => page.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 20000 });
// The fellow's newest answer (shared by the tabs) is `value` and acknowledged.
const landed = (page, value) => waitFor(`${value} acknowledged`, () => page.evaluate(([p, v]) => {
  const a = JSON.parse(localStorage.getItem("facilita.answers") || "{}")[p];
  return a && a.value === v && a.status === "acked";
}, [PROMPT, value]), 20000);
const outboxes = (page) => page.evaluate(() => {
  const out = [];
  for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i).startsWith("facilita.outbox")) out.push(localStorage.key(i));
  return out;
});
try {
  const context = await browser.newContext({ locale: "es-MX", viewport: { width: 390, height: 844 } });
  const a = await context.newPage();
  watch(a, "A");
  await a.goto(server.base + "/");
  await a.getByLabel("Tu nombre").fill("Ana");
  await a.getByRole("button", { name: "Entrar" }).click();
  await a.locator("#whoami", { hasText: "Ana" }).waitFor();
  const b = await context.newPage();
  watch(b, "B");
  await b.goto(server.base + "/");
  await b.locator("#whoami", { hasText: "Ana" }).waitFor();
  await admin(server.base, "start");
  await admin(server.base, "open", { prompt: PROMPT });
  await a.locator("#prompt-text").waitFor();
  await b.locator("#prompt-text").waitFor();
  check((await publicState(server.base)).participants === 1, "two tabs, one participant");
  step("two tabs joined as one fellow");

  // -------------------------------------------------------------- 1. online, alternately
  const order = [[a, "Rojo"], [b, "Verde"], [a, "Azul"], [b, "Negro"], [a, "Verde"]];
  for (const [page, value] of order) {
    await answer(page, value);
    await landed(page, value);
    await received(page);
  }
  await waitFor("all acked", () => sent.every((s) => acked.has(s.seq)), 5000);
  check((await publicState(server.base)).answered === 1, "one fellow, one answer");
  const online = sent.slice();
  uniqueSeqs();
  step("online: five alternate answers, each acknowledged");

  // -------------------------------------------------------------- 2. offline, both tabs
  const port = server.port;
  const before = sent.length;
  await stopServer(server, "SIGKILL");
  await a.locator("#conn[data-state='offline']").waitFor({ timeout: 10000 });
  await b.locator("#conn[data-state='offline']").waitFor({ timeout: 10000 });
  await answer(a, "Rojo");
  await answer(b, "Azul");
  await answer(a, "Negro");
  await answer(b, "Rojo");  // the last answer given
  await queuedOffline(b);
  check((await outboxes(a)).length >= 1, "answers queued while offline");
  server = await startServer(facilita, session, data, port);
  await landed(a, "Rojo");
  await received(a);
  await received(b);
  await waitFor("queues empty", async () => (await outboxes(a)).length === 0, 10000);
  await waitFor("all acked", () => sent.every((s) => acked.has(s.seq)), 10000);
  // Older answers that a newer one (from either tab) replaced are not sent at all.
  check(sent.slice(before).every((s) => s.value === "Rojo"), "only the last answer went out: " + JSON.stringify(sent.slice(before)));
  const shared = await a.evaluate(() => JSON.parse(localStorage.getItem("facilita.answers")));
  check(shared[PROMPT].value === "Rojo" && shared[PROMPT].status === "acked", "both tabs show it: " + JSON.stringify(shared));
  step("offline: queued in both tabs, the last one landed");

  // -------------------------------------------------------------- 3. a tab closes with a queued answer
  await stopServer(server, "SIGKILL");
  await b.locator("#conn[data-state='offline']").waitFor({ timeout: 10000 });
  await answer(b, "Verde");
  await queuedOffline(b);
  await b.close({ runBeforeUnload: true });
  server = await startServer(facilita, session, data, port);
  await landed(a, "Verde");
  await received(a);
  await waitFor("queues empty", async () => (await outboxes(a)).length === 0, 20000);
  await waitFor("all acked", () => sent.every((s) => acked.has(s.seq)), 10000);
  step("closed tab: its queued answer adopted and sent by the other tab");

  // -------------------------------------------------------------- the record
  await admin(server.base, "close", { prompt: PROMPT });
  await admin(server.base, "reveal", { prompt: PROMPT });
  const results = await waitFor("results", async () => (await publicState(server.base)).results);
  const counts = Object.fromEntries(results.options.map((o) => [o.label, o.count]));
  check(results.answered === 1 && counts.Verde === 1, "the last answer wins: " + JSON.stringify(counts));
  await a.locator(".results").waitFor();
  await a.screenshot({ path: join(outDir, "fellow-two-tabs-390x844.png") });

  const bySeq = uniqueSeqs();
  check([...bySeq.keys()].every((seq) => acked.has(seq)), "every sent answer acknowledged");
  const high = (s) => Math.floor(s.seq / 2 ** 32);
  const highs = (tab) => new Set(online.filter((s) => s.tab === tab).map(high));
  check(highs("A").size === 1 && highs("B").size === 1 && [...highs("A")][0] !== [...highs("B")][0],
    "each tab numbers its own answers: " + JSON.stringify(online));
  const adopted = sent[sent.length - 1];
  check(adopted.tab === "A" && adopted.value === "Verde" && highs("B").has(high(adopted)),
    "the closed tab's answer went from the other tab with its own seq: " + JSON.stringify(adopted));
  await stopServer(server);
  const listed = spawnSync(facilita, ["deliveries", "--lang", "en", "--data", data], { encoding: "utf8" });
  check(lastDeliveryAnswers(listed.stdout) === bySeq.size, `journal answer events == ${bySeq.size} distinct seqs sent: ${listed.stdout}`);
  step(`${sent.length} answer messages, ${bySeq.size} distinct seqs, all acknowledged, journal agrees`);
  check(errors.length === 0, "no page errors or refusals:\n" + errors.join("\n"));
  console.log("OK");
} catch (e) {
  reportFailure(e, errors);
} finally {
  await cleanUp(browser, server, data);
}
