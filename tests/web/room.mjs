// Browser test of room messages and breaks against a real `facilita run --headless`:
//  1. POST admin `message` -> the fellow page shows the banner; `clear-message` -> gone;
//  2. `break` 5 minutes -> the break screen with a countdown near 5:00, the state paused;
//  3. `end-break` -> running again, the section is back;
//  4. the remote's room card sends a message and a break and ends it.
// Screenshots at 390x844 into OUT_DIR.
// Usage: node room.mjs FACILITA SESSION.yaml OUT_DIR
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADMIN_TOKEN, admin, check, launchBrowser, newPage, publicState, startServer, stopServer, testArgs, waitFor, cleanUp, reportFailure } from "./lib.mjs";

const { facilita, session, outDir } = testArgs("room.mjs");

const MESSAGE = "Regresamos en 5 minutos";
const data = mkdtempSync(join(tmpdir(), "facilita-room-"));
const errors = [];
const server = await startServer(facilita, session, data);
const browser = await launchBrowser();
const shot = (page, name) => page.screenshot({ path: join(outDir, name), fullPage: false });
const step = (text) => console.log("· " + text);
// "4:59" -> 299
const seconds = (text) => { const m = /^(\d+):(\d\d)$/.exec(text.trim()); return m ? Number(m[1]) * 60 + Number(m[2]) : NaN; };

try {
  const base = server.base;
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, errors);
  await phone.goto(base + "/");
  await phone.getByLabel("Tu nombre").fill("Ana");
  await phone.getByRole("button", { name: "Entrar" }).click();
  await phone.locator("#whoami", { hasText: "Ana" }).waitFor();
  await admin(base, "start");
  await phone.locator("#section-title:not(:empty)").waitFor();

  // ---------------------------------------------------------------- message
  const shown = await admin(base, "message", { text: MESSAGE });
  check(shown.state.message === MESSAGE, "the admin reply carries the message");
  await phone.locator("#room-message", { hasText: MESSAGE }).waitFor({ timeout: 5000 });
  check(await phone.locator("#room-message").isVisible(), "the banner is visible");
  await shot(phone, "room-message-390x844.png");
  step("the message reaches the page");
  await admin(base, "clear-message");
  await phone.locator("#room-message").waitFor({ state: "hidden", timeout: 5000 });
  check((await publicState(base)).message === null, "message is null once cleared");
  step("cleared");

  // ---------------------------------------------------------------- break
  const before = Date.now();
  const paused = await admin(base, "break", { minutes: 5 });
  check(paused.state.status === "paused", "a break pauses: " + paused.state.status);
  check(paused.state.break && paused.state.break.until >= before + 5 * 60000 - 1000, "break.until is 5 minutes ahead");
  await phone.locator("#break-view").waitFor({ state: "visible", timeout: 5000 });
  check(!(await phone.locator(".section-head").isVisible()), "the section clock gives way to the break");
  const clock = await phone.locator("#break-clock").textContent();
  const left = seconds(clock);
  check(left >= 290 && left <= 300, "countdown near 5:00: " + clock);
  // It ticks locally between states.
  await waitFor("the countdown ticks", async () => seconds(await phone.locator("#break-clock").textContent()) < left, 3000);
  check(/Regresamos a las \d\d:\d\d/.test(await phone.locator("#break-back").textContent()), "the clock time is named");
  check((await publicState(base)).status === "paused", "/api/state: paused during the break");
  await admin(base, "message", { text: MESSAGE });  // both at once, as in a real break
  await phone.locator("#room-message", { hasText: MESSAGE }).waitFor({ timeout: 5000 });
  await shot(phone, "room-break-390x844.png");
  step("break screen with its countdown: " + clock);

  const resumed = await admin(base, "end-break");
  check(resumed.state.status === "running" && resumed.state.break === null, "end-break resumes");
  await phone.locator("#break-view").waitFor({ state: "hidden", timeout: 5000 });
  await phone.locator(".section-head").waitFor({ state: "visible" });
  step("end-break: running again");

  // ---------------------------------------------------------------- remote
  const remote = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true }, errors);
  await remote.goto(`${base}/remote#token=${ADMIN_TOKEN}`);
  await remote.locator("#room-message", { hasText: MESSAGE }).waitFor({ timeout: 5000 });
  await remote.locator("#btn-clear-message:not([disabled])").click();
  await waitFor("remote cleared the message", async () => (await publicState(base)).message === null, 5000);
  await remote.getByLabel("Mensaje a la sala (hasta 140 caracteres)").fill("Silencien sus micrófonos, por favor");
  await remote.locator("#btn-message").click();
  await phone.locator("#room-message", { hasText: "Silencien sus micrófonos" }).waitFor({ timeout: 5000 });
  await remote.locator("#break-minutes").fill("10");
  await remote.locator("#btn-break").click();
  await waitFor("remote started a break", async () => (await publicState(base)).break !== null, 5000);
  await remote.locator("#break-status", { hasText: "Descanso hasta" }).waitFor({ timeout: 5000 });
  await remote.locator("#room-card").screenshot({ path: join(outDir, "room-remote-card.png") });
  await remote.locator("#btn-end-break:not([disabled])").click();
  await waitFor("remote ended the break", async () => (await publicState(base)).status === "running", 5000);
  step("the remote shows, clears, breaks and ends the break");

  check(errors.length === 0, "no page errors:\n" + errors.join("\n"));
  console.log("OK");
} catch (e) {
  reportFailure(e, errors);
} finally {
  await cleanUp(browser, server, data);
}
