// Browser test of the fellow page and the remote against a real
// `facilita run --headless`:
//  1. join, answer, see "respuesta recibida" only after the ack;
//  2. kill the server (SIGKILL), change the answer while it is down (it waits
//     in localStorage), restart it on the same port and data directory: the
//     answer lands exactly once (/api/state, revealed results, export);
//  3. screenshots at 390x844 and 1280x800 into OUT_DIR.
// Usage: node fellow.mjs FACILITA SESSION.yaml OUT_DIR
import { mkdtempSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADMIN_TOKEN, admin, check, launchBrowser, newPage, publicState, startServer, stopServer, testArgs, waitFor, lastDeliveryAnswers, cleanUp, reportFailure } from "./lib.mjs";

const { facilita, session, outDir } = testArgs("fellow.mjs");

const PROMPT = "q-etapa-entidad";
const FIRST = "Tiene STL instalado, sin PAL publicado";
const SECOND = "Tiene PAL publicado";
const data = mkdtempSync(join(tmpdir(), "facilita-web-"));
const errors = [];
let server = await startServer(facilita, session, data);
const browser = await launchBrowser();
// Every answer this browser still has queued (one outbox per tab).
const outbox = () => {
  const all = {};
  for (let i = 0; i < localStorage.length; i++)
    if (localStorage.key(i).startsWith("facilita.outbox")) Object.assign(all, JSON.parse(localStorage.getItem(localStorage.key(i))));
  return all;
};
const shot = (page, name) => page.screenshot({ path: join(outDir, name), fullPage: false });
const step = (text) => console.log("· " + text);

try {
  const base = server.base;
  // ---------------------------------------------------------------- join + answer
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, errors);
  await phone.goto(base + "/");
  await phone.getByLabel("Tu nombre").fill("Ana");
  await shot(phone, "fellow-join-390x844.png");
  await phone.getByRole("button", { name: "Entrar" }).click();
  await phone.locator("#whoami", { hasText: "Ana" }).waitFor();
  step("joined");

  await admin(base, "start");
  await admin(base, "goto", { section: "avance" });
  await admin(base, "open", { prompt: PROMPT });
  await phone.locator("#prompt-text").waitFor();
  await phone.getByText(FIRST, { exact: true }).click();
  await phone.getByRole("button", { name: "Enviar respuesta" }).click();
  await phone.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 5000 });
  // /api/state follows the ack within a broadcast interval (states are coalesced).
  const answered = (n) => waitFor(`answered == ${n}`, async () => (await publicState(base)).answered === n, 3000);
  await answered(1);
  step("answered and acknowledged");
  await shot(phone, "fellow-answered-390x844.png");

  const desk = await newPage(browser, { viewport: { width: 1280, height: 800 } }, errors);
  await desk.goto(base + "/?lang=en");
  await desk.getByLabel("Your name").fill("Bruno");
  await desk.getByRole("button", { name: "Join" }).click();
  await desk.locator("#prompt-text").waitFor();
  await shot(desk, "fellow-1280x800.png");
  step("late joiner sees the open prompt at once");
  // Keyboard only: Tab into the radio group, arrow to the second option, Enter sends.
  for (let i = 0; i < 30 && !(await desk.evaluate(() => document.activeElement.name === "answer")); i++)
    await desk.keyboard.press("Tab");
  await desk.keyboard.press("ArrowDown");
  await desk.keyboard.press("Enter");
  await desk.locator("#answer-status", { hasText: "Answer received" }).waitFor({ timeout: 5000 });
  await answered(2);
  step("answered with the keyboard only");

  // 200 % zoom on the phone: half the CSS pixels at twice the density; nothing may overflow sideways.
  const zoomed = await newPage(browser, { viewport: { width: 195, height: 422 }, deviceScaleFactor: 2, isMobile: true }, errors);
  await zoomed.goto(base + "/");
  await zoomed.getByLabel("Tu nombre").fill("Carla");
  await zoomed.getByRole("button", { name: "Entrar" }).click();
  await zoomed.locator("#prompt-text").waitFor();
  const overflow = await zoomed.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, "no horizontal scrolling at 200 % zoom: " + overflow + " px");
  await shot(zoomed, "fellow-zoom200-390x844.png");
  await zoomed.close();
  step("readable at 200 % zoom");

  const remote = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true }, errors);
  await remote.goto(`${base}/remote#token=${ADMIN_TOKEN}`);
  await remote.locator(".prompt-list li", { hasText: PROMPT }).waitFor();
  await shot(remote, "remote-390x844.png");
  await remote.screenshot({ path: join(outDir, "remote-full-390.png"), fullPage: true });
  const badRemote = await newPage(browser, { viewport: { width: 390, height: 844 } }, errors);
  await badRemote.goto(`${base}/remote#token=wrong`);
  await badRemote.locator("#problem", { hasText: "token" }).waitFor();
  check(await badRemote.locator("#btn-run").isDisabled(), "a wrong token leaves the buttons disabled");
  await badRemote.close();
  step("remote works with the token, refuses a wrong one");

  // ---------------------------------------------------------------- offline queue
  const port = server.port;
  await stopServer(server, "SIGKILL");
  await phone.locator("#conn[data-state='offline']").waitFor({ timeout: 10000 });
  await phone.getByText(SECOND, { exact: true }).click();
  await phone.getByRole("button", { name: /respuesta/ }).click();
  await phone.locator("#answer-status", { hasText: "Sin conexión" }).waitFor();
  const queued = await phone.evaluate(outbox);
  check(Object.keys(queued).length === 1, "one answer queued in localStorage: " + JSON.stringify(queued));
  await shot(phone, "fellow-offline-390x844.png");
  step("answer queued while the server is down");

  server = await startServer(facilita, session, data, port);
  await phone.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 20000 });
  check(Object.keys(await phone.evaluate(outbox)).length === 0, "outbox empty after the ack");
  await answered(2);  // Ana's replacement did not add an answer
  step("resent after restart and acknowledged");

  await admin(base, "close", { prompt: PROMPT });
  await admin(base, "reveal", { prompt: PROMPT });
  const results = await waitFor("results", async () => (await publicState(base)).results);
  const count = (label) => results.options.find((o) => o.label === label).count;
  check(results.answered === 2 && count(SECOND) === 1 && count(FIRST) === 0,
    "revealed: the replacement counted once: " + JSON.stringify(results.options));
  await phone.locator(".results").waitFor();
  await phone.reload();  // a reload catches up at once
  await phone.locator(".results .bars li").first().waitFor({ timeout: 5000 });
  await shot(phone, "fellow-results-390x844.png");
  await phone.screenshot({ path: join(outDir, "fellow-full-390.png"), fullPage: true });
  await desk.locator(".results").waitFor();
  await shot(desk, "fellow-results-1280x800.png");
  step("results revealed, reload catches up");

  await admin(base, "end");
  await phone.locator("#notice", { hasText: "La sesión terminó" }).waitFor();
  await desk.locator("#notice", { hasText: "The session has ended" }).waitFor();
  check(await phone.locator("#answer-form").count() === 0, "no answer form after the end");
  await shot(phone, "fellow-ended-real-390x844.png");
  step("the end reaches every page");

  // ---------------------------------------------------------------- journal
  await stopServer(server);
  const exported = spawnSync(facilita, ["export", "--format", "json", "--data", data], { encoding: "utf8" });
  check(exported.status === 0, "export: " + exported.stderr);
  const rows = JSON.parse(exported.stdout).answers.filter((a) => a.prompt === PROMPT);
  const ana = rows.filter((r) => r.participant.startsWith("Ana"));
  check(rows.length === 2 && ana.length === 1 && JSON.stringify(ana[0].value).includes(SECOND),
    "export: Ana's final answer is the replacement: " + JSON.stringify(rows));
  // The journal holds exactly three answer events: Ana's first answer, its
  // replacement (resent after the restart, committed once) and Bruno's.
  const listed = spawnSync(facilita, ["deliveries", "--lang", "en", "--data", data], { encoding: "utf8" });
  check(lastDeliveryAnswers(listed.stdout) === 3, "journal answer events == 3: " + listed.stdout);
  step("journal: answered exactly once per send");
  check(errors.length === 0, "no page errors:\n" + errors.join("\n"));
  console.log("OK");
} catch (e) {
  reportFailure(e, errors);
} finally {
  await cleanUp(browser, server, data);
}
