// Browser test of activity steps against a real `facilita run --headless` of
// the module: a fellow on a phone-sized page follows `retos` (1-2-4-todos);
// stepping through POST /api/admin shows the step's title, its countdown
// (ticking locally from `ends_at`) and the step list; the remote offers the
// step buttons and they move the room. Screenshots into OUT_DIR.
// Usage: node steps.mjs FACILITA SESSION.yaml OUT_DIR
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADMIN_TOKEN, admin, check, launchBrowser, newPage, publicState, startServer, stopServer, testArgs, waitFor, cleanUp, reportFailure } from "./lib.mjs";

const { facilita, session, outDir } = testArgs("steps.mjs");

const data = mkdtempSync(join(tmpdir(), "facilita-steps-"));
const errors = [];
const server = await startServer(facilita, session, data);
const browser = await launchBrowser();
const shot = (page, name) => page.screenshot({ path: join(outDir, name), fullPage: false });
const say = (text) => console.log("· " + text);
const clockText = (page) => page.locator("#step-clock-time").textContent();
const seconds = (text) => {
  const m = /^(\+?)(\d+):(\d\d)$/.exec(text || "");
  return m ? (m[1] ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : NaN;
};

try {
  const base = server.base;
  const phone = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, errors);
  await phone.goto(base + "/");
  await phone.getByLabel("Tu nombre").fill("Ana");
  await phone.getByRole("button", { name: "Entrar" }).click();
  await phone.locator("#whoami", { hasText: "Ana" }).waitFor();

  await admin(base, "start");
  check((await phone.locator("#step-slot").isHidden()), "no step block in a section without steps");
  await admin(base, "goto", { section: "retos" });
  await phone.locator("#step-title", { hasText: "En silencio" }).waitFor();
  await phone.locator("#step-count", { hasText: "Paso 1 de 4" }).waitFor();
  say("the first step shows when the section starts");

  // Refused at the first step, then forward twice: "En grupos de cuatro".
  const refused = await fetch(base + "/api/admin", {
    method: "POST",
    headers: { "Authorization": "Bearer " + ADMIN_TOKEN, "Content-Type": "application/json" },
    body: JSON.stringify({ command: "previous-step" }),
  });
  check(!refused.ok && (await refused.json()).code === "first-step", "previous-step at the first step is refused");
  await admin(base, "next-step");
  await phone.locator("#step-title", { hasText: "En parejas" }).waitFor();
  await phone.locator("#step-count", { hasText: "Paso 2 de 4" }).waitFor();
  const list = await phone.locator(".step-list li").allTextContents();
  check(list.length === 4 && list[1].includes("En parejas") && list[3].includes("Plenaria"), "step list: " + list);
  check((await phone.locator(".step-list li.current").textContent()).includes("En parejas"), "current step marked");
  say("next-step moves the page to step 2 with the list");

  // The countdown ticks locally from ends_at: within the step's 2 minutes, and going down.
  const first = seconds(await clockText(phone));
  // The page's clock offset comes from a round trip: on a loaded machine it can be a second off.
  check(first > 100 && first <= 121, "step countdown within 2:00 (one second of clock offset): " + first);
  await waitFor("the step clock to tick", async () => seconds(await clockText(phone)) < first, 4000);
  const pub = await publicState(base);
  check(pub.section.step && pub.section.step.id === "parejas" && typeof pub.section.step.ends_at === "number",
    "public state carries the step: " + JSON.stringify(pub.section.step));
  check(pub.section.steps.length === 4 && pub.section.steps[3].planned_s === 240, "steps planned in the state");
  say("the step countdown ticks: " + (await clockText(phone)));
  await shot(phone, "steps-fellow-390x844.png");

  // Extending the section stretches its steps in proportion (10 -> 12 min: 2 min -> 2:24).
  await admin(base, "extend", { minutes: 2 });
  await waitFor("step plan 144 s", async () => (await publicState(base)).section.step.planned_s === 144, 3000);
  say("extend keeps the steps proportional");

  // The remote's buttons move the room too.
  const remote = await newPage(browser, { viewport: { width: 1280, height: 900 } }, errors);
  await remote.goto(base + "/remote#token=" + ADMIN_TOKEN);
  const next = remote.getByRole("button", { name: "Siguiente paso ▶" });
  await waitFor("remote authorized", async () => !(await next.isDisabled()), 5000);
  await remote.locator("#step-title", { hasText: "En parejas" }).waitFor();
  await next.click();
  await phone.locator("#step-title", { hasText: "En grupos de cuatro" }).waitFor();
  await remote.getByRole("button", { name: "◀ Paso anterior" }).click();
  await phone.locator("#step-title", { hasText: "En parejas" }).waitFor();
  say("remote next / previous step buttons work");

  // A section without steps hides the block.
  await admin(base, "next");
  await waitFor("step block hidden", async () => phone.locator("#step-slot").isHidden(), 3000);
  check(errors.length === 0, "no page errors:\n" + errors.join("\n"));
  console.log("OK");
} catch (e) {
  reportFailure(e, errors);
} finally {
  await cleanUp(browser, server, data);
}
