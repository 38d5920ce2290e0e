// Browser test of fellow questions against a real `facilita run --headless`:
// ten fellows (each its own browser context, so its own storage) join; some
// ask, one without the anonymous box; the facilitator approves three of them
// over POST /api/admin and projects one; fellows vote (not their own, once
// each); every page shows the approved list with the right counts, and a
// pending question only to its author; `facilita export --table questions`
// lists them. Screenshot of a phone-sized page into OUT_DIR.
// Usage: node questions.mjs FACILITA SESSION.yaml OUT_DIR
import { mkdtempSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { admin, check, launchBrowser, newPage, publicState, startServer, stopServer, testArgs, waitFor } from "./lib.mjs";

const { facilita, session, outDir } = testArgs("questions.mjs");

const NAMES = ["Ana", "Beto", "Caro", "Dani", "Eva", "Fede", "Gabi", "Hugo", "Inés", "Juan"];
const ASKS = [
  { who: 0, text: "¿Cómo se mide el avance de cada compromiso?" },
  { who: 1, text: "¿Quién revisa los compromisos del plan de acción?", named: true },
  { who: 2, text: "¿Hay datos abiertos del plan anterior?" },
  { who: 3, text: "Pregunta que espera aprobación" },
];
const data = mkdtempSync(join(tmpdir(), "facilita-web-qa-"));
const errors = [];
const server = await startServer(facilita, session, data);
const browser = await launchBrowser();
const step = (text) => console.log("· " + text);

try {
  const base = server.base;
  const pages = [];
  for (const [i, name] of NAMES.entries()) {
    const phone = i === 9;
    const page = await newPage(browser, phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
      : { viewport: { width: 800, height: 900 } }, errors);
    await page.goto(base + "/");
    await page.getByLabel("Tu nombre").fill(name);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.locator("#whoami", { hasText: name }).waitFor();
    pages.push(page);
  }
  step("ten fellows joined");
  await admin(base, "start");

  for (const a of ASKS) {
    const page = pages[a.who];
    await page.locator("#qa-text").fill(a.text);
    check((await page.locator("#qa-anon").isChecked()), "anonymous is ticked by default");
    if (a.named) await page.locator("#qa-anon").uncheck();
    await page.getByRole("button", { name: "Enviar pregunta" }).click();
    await page.locator("#qa-waiting", { hasText: "Tu pregunta espera aprobación" }).waitFor({ timeout: 5000 });
  }
  step("four questions asked, each waiting for approval on its author's page");
  // The author's own counter and outbox: nothing left unacknowledged.
  for (const a of ASKS) {
    const outbox = await pages[a.who].evaluate(() => JSON.parse(localStorage.getItem("facilita.qa") || "{}").outbox || {});
    check(Object.keys(outbox).length === 0, `${NAMES[a.who]}'s ask was acknowledged`);
  }
  check((await publicState(base)).questions.length === 0, "nothing public before approval");

  let state = (await admin(base, "approve-question", { question: "qa-1" })).state;
  await admin(base, "approve-question", { question: "qa-2" });
  state = (await admin(base, "approve-question", { question: "qa-3" })).state;
  const listed = state.admin.questions.map((q) => q.id).sort();
  check(JSON.stringify(listed) === JSON.stringify(["qa-1", "qa-2", "qa-3", "qa-4"]), "admin lists every question: " + listed);
  check(state.admin.questions.find((q) => q.id === "qa-4").status === "pending", "qa-4 still pending");
  check(state.admin.questions.find((q) => q.id === "qa-1").name === "Ana", "the facilitator sees who asked");
  step("three approved over POST /api/admin");

  const vote = async (who, id) => {
    const button = pages[who].locator(`#qa-list li[data-id="${id}"] button.vote`);
    await button.waitFor({ timeout: 5000 });
    await button.click();
    await pages[who].locator(`#qa-list li[data-id="${id}"] button.vote[aria-pressed="true"]`).waitFor({ timeout: 5000 });
  };
  for (const who of [4, 5, 6, 7, 8, 9]) await vote(who, "qa-2");
  for (const who of [4, 5, 6]) await vote(who, "qa-1");
  await vote(7, "qa-3");
  // Own question: not votable. A vote already given: the button stays disabled.
  check(await pages[1].locator('#qa-list li[data-id="qa-2"] button.vote').isDisabled(), "own question is not votable");
  check(await pages[4].locator('#qa-list li[data-id="qa-2"] button.vote').isDisabled(), "a second vote is not offered");
  step("votes given");

  await admin(base, "project-question", { question: "qa-2" });
  const expected = [["qa-2", 6], ["qa-1", 3], ["qa-3", 1]];
  await waitFor("public votes", async () => {
    const s = await publicState(base);
    return JSON.stringify(s.questions.map((q) => [q.id, q.votes])) === JSON.stringify(expected) &&
      s.projected_question && s.projected_question.id === "qa-2";
  });
  const pub = await publicState(base);
  check(pub.questions[0].name === "Beto", "a named question shows its name");
  check(!("name" in pub.questions[1]), "an anonymous question has no name");
  check(!JSON.stringify(pub).includes("Pregunta que espera"), "a pending question is not public");
  check(!/"p-[0-9a-f]{12}"/.test(JSON.stringify(pub.questions)), "no participant ids in public questions");

  for (const [i, page] of pages.entries()) {
    await waitFor(`${NAMES[i]} sees the votes`, async () => {
      const rows = await page.locator("#qa-list li").evaluateAll((lis) =>
        lis.map((li) => [li.dataset.id, Number(li.querySelector(".votes").textContent)]));
      return JSON.stringify(rows) === JSON.stringify(expected);
    });
    const pendingShown = await page.locator("#qa-waiting", { hasText: "Pregunta que espera aprobación" }).count();
    check(pendingShown === (i === 3 ? 1 : 0), `${NAMES[i]}: the pending question shows only to its author`);
  }
  step("every page shows the approved list with the right counts; the pending one only to its author");

  const phone = pages[9];
  await phone.locator("#qa").scrollIntoViewIfNeeded();
  await phone.screenshot({ path: join(outDir, "qa-fellow-390x844.png") });
  const sideways = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(sideways <= 1, "the phone page never scrolls sideways (a wide table scrolls in its card): " + sideways + " px");
  await pages[3].locator("#qa").scrollIntoViewIfNeeded();
  await pages[3].screenshot({ path: join(outDir, "qa-fellow-pending-800x900.png") });

  await admin(base, "answered-question", { question: "qa-1" });
  await admin(base, "end");
  await stopServer(server);
  const csv = spawnSync(facilita, ["export", "--format", "csv", "--table", "questions", "--data", data], { encoding: "utf8" });
  check(csv.status === 0, "export runs: " + csv.stderr);
  const lines = csv.stdout.trim().split(/\r\n/);
  check(lines[0] === "delivery,id,time,section,name,text,votes,status", "header: " + lines[0]);
  check(lines.length === 5, "four questions exported: " + csv.stdout);
  check(/,qa-2,.*,Beto,¿Quién revisa los compromisos del plan de acción\?,6,approved$/.test(lines[2]), "qa-2 row: " + lines[2]);
  check(/,qa-1,.*,\(anonymous\),.*,3,answered$/.test(lines[1]), "qa-1 row: " + lines[1]);
  check(/,qa-4,.*,0,pending$/.test(lines[4]), "qa-4 row: " + lines[4]);
  check(!csv.stdout.includes("Ana") && !csv.stdout.includes("Dani"), "anonymous askers are not named");
  step("export lists the questions");
  check(errors.length === 0, "no page errors: " + errors.join("\n"));
  console.log("ok");
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  await browser.close();
  await stopServer(server);
  rmSync(data, { recursive: true, force: true });
}
