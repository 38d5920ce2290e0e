// Browser test of personal quiz feedback against a real `facilita run --headless`:
// three fellows answer quiz questions differently (right, wrong, partial on a
// multi); nothing about correctness shows before the reveal; after it each
// page shows its own verdict; after the quiz section each shows a score card.
// Every `you` message a page receives is about that fellow only.
// Screenshots (390x844) into OUT_DIR.
// Usage: node feedback.mjs FACILITA SESSION.yaml OUT_DIR
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { admin, check, launchBrowser, newPage, startServer, stopServer, testArgs, cleanUp, reportFailure } from "./lib.mjs";

const { facilita, session, outDir } = testArgs("feedback.mjs");

const CHOICE = "q-entidades";
const MULTI = "q-integrantes-stl";
const GOV = "Representantes de gobierno";
const CIVIL = "Representantes de sociedad civil";
const GARANTE = "Representantes del organismo garante local de transparencia";
const PARTIES = "Representantes de partidos políticos";

const data = mkdtempSync(join(tmpdir(), "facilita-feedback-"));
const errors = [];
const server = await startServer(facilita, session, data);
const browser = await launchBrowser();
const shot = (page, name) => page.screenshot({ path: join(outDir, name), fullPage: false });
const step = (text) => console.log("· " + text);

// A phone that joins as `name` and records every `you` message it receives.
async function fellow(name) {
  const page = await newPage(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }, errors);
  const yous = [];
  page.on("websocket", (ws) => ws.on("framereceived", (f) => {
    try { const m = JSON.parse(f.payload); if (m.type === "you") yous.push(m); } catch { /* not JSON */ }
  }));
  await page.goto(server.base + "/");
  await page.getByLabel("Tu nombre").fill(name);
  await page.getByRole("button", { name: "Entrar" }).click();
  await page.locator("#whoami", { hasText: name }).waitFor();
  return { page, yous, name };
}

async function answerChoice(f, option) {
  await f.page.getByRole("radio", { name: option, exact: true }).check();
  await f.page.getByRole("button", { name: "Enviar respuesta" }).click();
  await f.page.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 5000 });
}

async function answerMulti(f, options) {
  for (const o of options) await f.page.getByRole("checkbox", { name: o, exact: true }).check();
  await f.page.getByRole("button", { name: "Enviar respuesta" }).click();
  await f.page.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 5000 });
}

const verdictText = (f) => f.page.locator("#you-verdict .you-verdict").textContent({ timeout: 5000 });
async function nothingShown(fellows, what) {
  await new Promise((r) => setTimeout(r, 400));  // a `you` that should not come has had time to
  for (const f of fellows) {
    check(await f.page.locator("#you-verdict").count() === 0, `${f.name}: no verdict ${what}`);
    const body = await f.page.locator("body").textContent();
    check(!/correcta|Acertaste/.test(body), `${f.name}: nothing about correctness ${what}`);
    for (const m of f.yous)
      for (const a of Object.values(m.answers)) check(a.verdict === null && !("missing" in a), `${f.name}: no verdict on the wire ${what}`);
  }
}

try {
  const ana = await fellow("Ana"), beto = await fellow("Beto"), carla = await fellow("Carla");
  const all = [ana, beto, carla];
  step("three fellows joined");

  await admin(server.base, "start");
  await admin(server.base, "goto", { section: "quiz" });
  await admin(server.base, "open", { prompt: CHOICE });
  for (const f of all) await f.page.locator("#prompt-text").waitFor();
  await answerChoice(ana, "26");
  await answerChoice(beto, "16");
  await answerChoice(carla, "10");
  await nothingShown(all, "while the choice is open");
  await admin(server.base, "close", { prompt: CHOICE });
  await nothingShown(all, "after closing, before the reveal");
  await admin(server.base, "reveal", { prompt: CHOICE });
  await ana.page.locator("#you-verdict[data-verdict='right']").waitFor();
  check((await verdictText(ana)).includes("✓ correcta"), "Ana: right");
  await beto.page.locator("#you-verdict[data-verdict='wrong']").waitFor();
  check((await verdictText(beto)) === "✗ incorrecta — la correcta: 26", "Beto: wrong, with the right one: " + await verdictText(beto));
  await carla.page.locator("#you-verdict[data-verdict='wrong']").waitFor();
  await shot(beto.page, "feedback-wrong-390x844.png");
  step("choice: each page shows its own verdict after the reveal");

  await admin(server.base, "open", { prompt: MULTI });
  for (const f of all) await f.page.locator("#answer-form").waitFor();
  await answerMulti(ana, [GOV, CIVIL, GARANTE]);
  await answerMulti(beto, [GOV, CIVIL]);
  await answerMulti(carla, [GOV, CIVIL, PARTIES]);
  for (const f of all) check(await f.page.locator("#you-verdict").count() === 0, f.name + ": no verdict while the multi is open");
  await admin(server.base, "reveal", { prompt: MULTI });
  await ana.page.locator("#you-verdict[data-verdict='right']").waitFor();
  await beto.page.locator("#you-verdict[data-verdict='partial']").waitFor();
  check((await verdictText(beto)) === `Acertaste 2 de 3; faltó: ${GARANTE}`, "Beto: partial: " + await verdictText(beto));
  await carla.page.locator("#you-verdict[data-verdict='partial']").waitFor();
  check((await verdictText(carla)) === `Acertaste 2 de 3; faltó: ${GARANTE}; sobró: ${PARTIES}`, "Carla: partial with extra: " + await verdictText(carla));
  await carla.page.locator("#you-verdict").scrollIntoViewIfNeeded();
  await shot(carla.page, "feedback-partial-390x844.png");
  step("multi: right, partial (missing), partial (missing + extra)");

  check(await ana.page.locator(".you.score").count() === 0, "no score card while in the quiz section");
  await admin(server.base, "next");
  const card = async (f, text) => {
    await f.page.locator(".you.score .you-score", { hasText: text }).waitFor({ timeout: 5000 });
  };
  await card(ana, "Tu resultado: 2 de 2");
  await card(beto, "Tu resultado: 0 de 2");
  await card(carla, "Tu resultado: 0 de 2");
  await ana.page.locator(".you.score").scrollIntoViewIfNeeded();
  await shot(ana.page, "feedback-score-390x844.png");
  step("score cards after leaving the quiz section");

  // Every `you` a page received carries that fellow's own answers and nothing else.
  const own = {
    Ana: { [CHOICE]: "26", [MULTI]: [GOV, CIVIL, GARANTE] },
    Beto: { [CHOICE]: "16", [MULTI]: [GOV, CIVIL] },
    Carla: { [CHOICE]: "10", [MULTI]: [GOV, CIVIL, PARTIES] },
  };
  for (const f of all) {
    check(f.yous.length > 0, f.name + " received `you` messages");
    for (const m of f.yous) {
      for (const [prompt, a] of Object.entries(m.answers))
        check(JSON.stringify(a.value) === JSON.stringify(own[f.name][prompt]),
          `${f.name} got an answer that is not theirs: ${prompt} ${JSON.stringify(a.value)}`);
      check(!/Ana|Beto|Carla/.test(JSON.stringify(m)), `${f.name}: no names in \`you\``);
    }
  }
  step("no page received anything about another fellow");
  check(errors.length === 0, "no page errors:\n" + errors.join("\n"));
  console.log("OK");
} catch (e) {
  reportFailure(e, errors);
} finally {
  await cleanUp(browser, server, data);
}
