// Browser test of the remote's live controls against a real `facilita run
// --headless` of the module, both pages at 390×844: the remote opens and
// reveals a quiz question, sees its correct answer, the tally and who has not
// answered; puts the projector back on the content and on the results; asks
// for a rebalance preview and accepts it; unlocks a hand-set plan. The fellow
// page never receives the notes, and never a correct answer before the reveal
// (its WebSocket frames and the public /api/state are inspected).
// Usage: node remote_live.mjs FACILITA SESSION.yaml OUT_DIR
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ADMIN_TOKEN, admin, check, launchBrowser, newPage, publicState, startServer, stopServer, testArgs, waitFor, cleanUp, reportFailure } from "./lib.mjs";

const { facilita, session, outDir } = testArgs("remote_live.mjs");

const NOTES = "Siete preguntas de hechos";  // the quiz section's facilitator notes
const PROMPT = "q-entidades";               // correct: "26"
const data = mkdtempSync(join(tmpdir(), "facilita-remote-live-"));
const errors = [];
const server = await startServer(facilita, session, data);
const browser = await launchBrowser();
const say = (text) => console.log("· " + text);
const phoneSize = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const adminState = async (base) => {
  const res = await fetch(base + "/api/admin", {
    method: "POST",
    headers: { "Authorization": "Bearer " + ADMIN_TOKEN, "Content-Type": "application/json" },
    body: JSON.stringify({ command: "rebalance" }),
  });
  return { status: res.status, body: await res.json() };
};

try {
  const base = server.base;
  // The fellow: every WebSocket frame it receives, with whether the prompt was revealed by then.
  const fellow = await newPage(browser, phoneSize, errors);
  const frames = [];
  let revealed = false;
  fellow.on("websocket", (ws) => ws.on("framereceived", (f) => frames.push({ text: String(f.payload), revealed })));
  await fellow.goto(base + "/");
  await fellow.getByLabel("Tu nombre").fill("Ana");
  await fellow.getByRole("button", { name: "Entrar" }).click();
  await fellow.locator("#whoami", { hasText: "Ana" }).waitFor();

  const remote = await newPage(browser, phoneSize, errors);
  await remote.goto(base + "/remote#token=" + ADMIN_TOKEN);
  await waitFor("remote authorized", async () => !(await remote.locator("#btn-run").isDisabled()), 5000);
  check((await adminState(base)).body.code === "no-rebalance", "rebalance before the start is refused");
  await remote.locator("#btn-run").click();
  await admin(base, "goto", { section: "quiz" });
  const item = remote.locator(`li[data-prompt="${PROMPT}"]`);
  await item.waitFor();
  check((await item.locator(".correct-answers").textContent()).includes("26"), "the remote shows the correct answer");
  await remote.locator("#notes-card summary").click();
  await remote.locator("#notes", { hasText: NOTES }).waitFor();
  say("remote: correct answer and notes of the quiz section");

  // Open from the remote; the tally and who has not answered.
  await item.locator('[data-action="open"]').click();
  await remote.locator("#missing", { hasText: "Ana" }).waitFor();
  await remote.locator("#projector-shows", { hasText: "pregunta abierta" }).waitFor();
  await fellow.locator("#prompt-text").waitFor();
  await fellow.getByText("16", { exact: true }).click();
  await fellow.getByRole("button", { name: "Enviar respuesta" }).click();
  await fellow.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 5000 });
  await remote.locator("#missing", { hasText: "Todos respondieron" }).waitFor();
  const before = await publicState(base);
  check(!JSON.stringify(before).includes("correct") && !JSON.stringify(before).includes(NOTES),
    "public state before the reveal has no correct marks nor notes");
  say("remote: open, tally, who has not answered");

  // Reveal, then the projector goes back to the content and to the results again.
  revealed = true;
  await item.locator('[data-action="reveal"]').click();
  await remote.locator("#projector-shows", { hasText: "resultados" }).waitFor();
  const toggle = remote.locator("#btn-projector");
  check((await toggle.textContent()) === "Proyector: mostrar contenido", "switch label: " + (await toggle.textContent()));
  await toggle.click();
  await remote.locator("#projector-shows", { hasText: "contenido de la sección" }).waitFor();
  const pub = await publicState(base);
  check(pub.results && pub.prompt.id === PROMPT, "fellows keep the results while the projector shows the content");
  await fellow.locator("#results-slot").locator("*").first().waitFor();
  await remote.screenshot({ path: join(outDir, "remote-live-390x844.png"), fullPage: false });
  await toggle.click();
  await remote.locator("#projector-shows", { hasText: "Proyector: resultados" }).waitFor();
  say("remote: show content / show results after the reveal");

  // Rebalance: a hand-set plan (+30 min on the quiz: the rest must shrink) is kept; preview, then accept.
  await admin(base, "extend", { minutes: 30 });
  await remote.locator("#locked li", { hasText: "Quiz de repaso" }).waitFor();
  await remote.locator("#btn-rebalance").click();
  const preview = remote.locator("#rebalance-preview");
  await preview.locator("table.plan").waitFor();
  const quizRow = preview.locator("tr", { hasText: "Quiz de repaso" });
  check((await quizRow.textContent()).includes("fijo"), "the hand-set section shows as fixed in the preview");
  check((await preview.textContent()).includes("Fin previsto"), "the preview shows the forecast end before and after");
  await remote.locator("#plan-card").screenshot({ path: join(outDir, "remote-rebalance-card.png") });
  const proposed = (await adminState(base)).body.proposal;
  check(proposed.changes, "the proposal changes the plan");
  await remote.locator("#btn-accept-rebalance").click();
  await remote.locator("#command-status", { hasText: "Aceptar reequilibrio" }).waitFor();
  check(await preview.isHidden(), "the preview closes on accept");
  const after = (await adminState(base)).body.proposal;
  check(JSON.stringify(after.sections.map((s) => s.old_s)) === JSON.stringify(proposed.sections.map((s) => s.new_s)),
    "the accepted plan is the plan now: " + JSON.stringify(after.sections));
  say("remote: rebalance preview and accept");

  // Unlock the hand-set plan.
  await remote.locator('#locked li [data-action="unlock"]').first().click();
  await waitFor("the plan unlocked", async () => (await remote.locator("#locked li").count()) === 0, 5000);
  check(await remote.locator("#locked-box").isHidden(), "no locked plans left");
  say("remote: unlock");
  check((await remote.locator("#drift").textContent()).startsWith("Fin previsto:"), "end drift in words");

  // The fellow never got the notes, nor a correct mark before the reveal.
  await fellow.waitForTimeout(300);
  check(frames.length > 3, "the fellow received states: " + frames.length);
  for (const f of frames) {
    check(!f.text.includes(NOTES), "a fellow frame carried the notes");
    if (!f.revealed) check(!f.text.includes('"correct"'), "a fellow frame carried a correct mark before the reveal");
  }
  check(frames.some((f) => f.revealed && f.text.includes('"correct"')), "after the reveal the fellow sees the ✓");
  check(errors.length === 0, "no page errors:\n" + errors.join("\n"));
  console.log("OK");
} catch (e) {
  reportFailure(e, errors);
} finally {
  await cleanUp(browser, server, data);
}
