// Browser test of the zero cue on the fellow page against a real
// `facilita run --headless`: the first section is shortened to one minute
// (admin `shorten`), and when its clock reaches zero
//  1. the clock of a page that watched it count down gets the pulse class and
//     animates (and, with prefers-reduced-motion, gets the class without motion);
//  2. a page opened after zero does not pulse;
//  3. a screenshot of the pulse goes to OUT_DIR.
// Takes a little over a minute: one minute is the shortest plan a section can have.
// Usage: node cues.mjs FACILITA SESSION.yaml OUT_DIR
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { admin, check, launchBrowser, newPage, startServer, stopServer, testArgs } from "./lib.mjs";

const { facilita, session, outDir } = testArgs("cues.mjs");

const data = mkdtempSync(join(tmpdir(), "facilita-cues-"));
const errors = [];
const server = await startServer(facilita, session, data);
const browser = await launchBrowser();
const step = (text) => console.log("· " + text);

async function enter(page, name) {
  await page.goto(server.base + "/");
  await page.getByLabel("Tu nombre").fill(name);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.locator("#whoami", { hasText: name }).waitFor();
}
const pulsing = (page) => page.locator("#clock").evaluate((el) => el.classList.contains("cue-pulse"));

try {
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, errors);
  const calm = await newPage(browser, { viewport: { width: 390, height: 844 }, reducedMotion: "reduce" }, errors);
  await enter(phone, "Ana");
  await enter(calm, "Beto");
  await admin(server.base, "start");
  await admin(server.base, "shorten", { minutes: 4 });  // introduccion: 5 min -> 1 min
  await phone.locator("#clock[data-phase='wrapup']").waitFor({ timeout: 5000 });
  check(!(await pulsing(phone)), "no pulse before zero");
  step("started, one minute left");

  await phone.locator("#clock.cue-pulse").waitFor({ timeout: 75000 });
  const time = await phone.locator("#clock-time").textContent();
  check(/^\+?0:0[0-2]$/.test(time.trim()), "pulses at zero, clock shows " + time);
  const animation = await phone.locator("#clock").evaluate((el) => getComputedStyle(el).animationName);
  check(animation === "cue-pulse", "the pulse animates: " + animation);
  await phone.waitForTimeout(400);
  await phone.screenshot({ path: join(outDir, "cues-fellow-zero-390x844.png") });
  step("the clock pulses at zero (" + time.trim() + ")");

  await calm.locator("#clock.cue-pulse").waitFor({ timeout: 3000 });
  const calmStyle = await calm.locator("#clock").evaluate((el) => {
    const s = getComputedStyle(el);
    return { animation: s.animationName, outline: s.outlineStyle };
  });
  check(calmStyle.animation === "none" && calmStyle.outline === "solid",
    "reduced motion: outlined, not animated: " + JSON.stringify(calmStyle));
  step("with prefers-reduced-motion: outlined, no animation");

  const late = await newPage(browser, { viewport: { width: 390, height: 844 } }, errors);
  await enter(late, "Caro");
  await late.waitForTimeout(1500);
  check(!(await pulsing(late)), "a page opened after zero does not pulse");
  step("a page opened after zero does not pulse");

  await phone.waitForFunction(() => !document.getElementById("clock").classList.contains("cue-pulse"), null,
    { timeout: 6000 });
  step("the pulse ends after a few seconds");
  check(errors.length === 0, "page errors: " + errors.join("; "));
  console.log("ok");
} finally {
  await browser.close();
  await stopServer(server);
  rmSync(data, { recursive: true, force: true });
}
