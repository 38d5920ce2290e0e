// Browser test of the fellow page and the remote against a scripted server
// (fake.mjs), for what a real server shows only on a bad day:
//  1. `storage`: the answer stays queued, "Guardando… reintentando", resent
//     with backoff until acknowledged; never deleted;
//  2. `seq-reused`: the same answer goes again with a fresh seq, silently;
//  3. the newer wire: content once by key, states with `content_key`,
//     `live` counters (a stale one ignored); the older inline content too;
//  4. ended: the page and the remote say so and stop answering and retrying;
//  5. the remote: `new-round` for a revealed prompt, the open prompt's window
//     countdown, refusal codes in words.
// Screenshots at 390x844 into OUT_DIR.
// Usage: node faults.mjs WEB_ROOT OUT_DIR
import { join as joinPath } from "node:path";
import { check, launchBrowser, waitFor } from "./lib.mjs";
import { FakeServer, ORIGIN, baseState, servePages } from "./fake.mjs";

const [webRoot, outDir] = process.argv.slice(2);
if (!webRoot || !outDir) {
  console.error("usage: node faults.mjs WEB_ROOT OUT_DIR");
  process.exit(2);
}
const errors = [];
const browser = await launchBrowser();
const step = (text) => console.log("· " + text);
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function open(fake, path = "/", options = PHONE) {
  const context = await browser.newContext({ locale: "es-MX", ...options });
  await servePages(context, webRoot);
  await fake.attach(context);
  const page = await context.newPage();
  page.on("pageerror", (e) => errors.push("pageerror: " + e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push("console: " + m.text()); });
  await page.goto(ORIGIN + path);
  return page;
}

async function join(page, name = "Ana") {
  await page.getByLabel(/Tu nombre|Your name/).fill(name);
  await page.getByRole("button", { name: /Entrar|Join/ }).click();
  await page.locator("#whoami", { hasText: name }).waitFor();
}

const outboxOf = (page) => page.evaluate(() => {
  const all = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k.startsWith("facilita.outbox")) Object.assign(all, JSON.parse(localStorage.getItem(k)));
  }
  return all;
});
const shot = (page, name) => page.screenshot({ path: joinPath(outDir, name) });

try {
  // ------------------------------------------------------------ 1. storage
  {
    const fake = new FakeServer();
    let refusals = 0;
    fake.onAnswer = (msg, ws) => {
      if (refusals < 3) { refusals++; ws.send(JSON.stringify({ type: "error", seq: msg.seq, code: "storage", message: "no se pudo guardar" })); }
      else ws.send(JSON.stringify({ type: "ack", seq: msg.seq, duplicate: false }));
    };
    const page = await open(fake);
    await join(page);
    await page.getByText("Té", { exact: true }).click();
    await page.getByRole("button", { name: "Enviar respuesta" }).click();
    await page.locator("#answer-status[data-status='retrying']", { hasText: "Guardando… reintentando" }).waitFor({ timeout: 3000 });
    const queued = await outboxOf(page);
    check(Object.values(queued).length === 1 && Object.values(queued)[0].value === "Té",
      "the refused answer stays queued: " + JSON.stringify(queued));
    await shot(page, "fellow-retrying-390x844.png");
    await page.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 20000 });
    const sent = fake.answers();
    check(sent.length === 4 && sent.every((m) => m.seq === sent[0].seq && m.value === "Té"),
      "the same answer (same seq) was resent until it landed: " + JSON.stringify(sent));
    check(Object.keys(await outboxOf(page)).length === 0, "the outbox is empty after the ack");
    const en = await open(fake, "/?lang=en");
    await join(en, "Bea");
    refusals = 0;
    await en.getByText("Agua", { exact: true }).click();
    await en.getByRole("button", { name: "Send answer" }).click();
    await en.locator("#answer-status", { hasText: "Saving… retrying" }).waitFor({ timeout: 3000 });
    await en.context().close();
    await page.context().close();
    step("storage: kept, retried with backoff, acknowledged; es and en");
  }

  // ------------------------------------------------------------ 2. seq-reused
  {
    const fake = new FakeServer();
    let refused = false;
    fake.onAnswer = (msg, ws) => {
      if (!refused) { refused = true; ws.send(JSON.stringify({ type: "error", seq: msg.seq, code: "seq-reused", message: "" })); }
      else ws.send(JSON.stringify({ type: "ack", seq: msg.seq, duplicate: false }));
    };
    const page = await open(fake);
    await join(page);
    await page.getByText("Café", { exact: true }).click();
    await page.getByRole("button", { name: "Enviar respuesta" }).click();
    await page.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 5000 });
    const sent = fake.answers();
    check(sent.length === 2 && sent[0].seq !== sent[1].seq && sent[1].value === "Café" && sent[1].prompt === "q1",
      "seq-reused: the answer went again with a fresh seq: " + JSON.stringify(sent));
    check(Number.isSafeInteger(sent[1].seq) && sent[1].seq > 0, "seqs are safe integers: " + sent[1].seq);
    check(Object.keys(await outboxOf(page)).length === 0, "nothing left queued");
    await page.context().close();
    step("seq-reused: resent with a fresh seq, no message to the fellow");
  }

  // ------------------------------------------------------------ 3. content by key, live counters
  {
    const fake = new FakeServer();
    const keyed = (key) => ({ ...fake.state.section, content: undefined, content_key: key });
    fake.state = baseState({ section: { ...baseState().section, content: undefined, content_key: "00000000000000a1" } });
    fake.onConnect = (ws) => {
      ws.send(JSON.stringify({ type: "content", key: "00000000000000a1", section: "intro", content: "# Hola por clave\nPrimer texto." }));
      fake.sendState(ws);
    };
    const page = await open(fake);
    await join(page);
    await page.locator("#content h2", { hasText: "Hola por clave" }).waitFor();
    // A state naming content not received yet keeps the old text until it comes.
    fake.publish({ section: keyed("00000000000000b2") });
    await page.waitForTimeout(200);
    check(await page.locator("#content", { hasText: "Primer texto" }).count() === 1, "old content until the new one arrives");
    fake.broadcast({ type: "content", key: "00000000000000b2", section: "intro", content: "Segundo **texto**." });
    await page.locator("#content strong", { hasText: "texto" }).waitFor();
    // Older servers send the content inline.
    fake.publish({ section: { ...baseState().section, content: "Texto *en línea*." } });
    await page.locator("#content em", { hasText: "en línea" }).waitFor();
    // Counters.
    fake.publish({ answered: 2, participants: 5 });
    await page.locator("#prompt-counts", { hasText: "2 de 5 respondieron" }).waitFor();
    fake.broadcast({ type: "live", version: fake.state.version, answered: 4, participants: 6 });
    await page.locator("#prompt-counts", { hasText: "4 de 6 respondieron" }).waitFor();
    fake.broadcast({ type: "live", version: fake.state.version - 1, answered: 1, participants: 9 });
    fake.broadcast({ type: "live", version: fake.state.version + 1, answered: 5, participants: 6 });
    await page.locator("#prompt-counts", { hasText: "5 de 6 respondieron" }).waitFor();
    await page.context().close();
    step("content by key and inline; live counters, a stale one ignored");
  }

  // ------------------------------------------------------------ 4. ended
  {
    const fake = new FakeServer();
    let sentAfterEnd = 0;
    fake.onAnswer = (msg, ws) => {
      if (fake.state.status === "ended") { sentAfterEnd++; ws.send(JSON.stringify({ type: "error", seq: msg.seq, code: "ended", message: "" })); }
      else ws.send(JSON.stringify({ type: "error", seq: msg.seq, code: "storage", message: "" }));
    };
    const page = await open(fake);
    await join(page);
    await page.getByText("Agua", { exact: true }).click();
    await page.getByRole("button", { name: "Enviar respuesta" }).click();
    await page.locator("#answer-status[data-status='retrying']").waitFor({ timeout: 3000 });
    fake.publish({ status: "ended", section: { ...fake.state.section, ends_at: null }, prompt: { ...fake.state.prompt, open: false } });
    await page.locator("#notice", { hasText: "La sesión terminó" }).waitFor();
    await page.locator(".prompt .closed", { hasText: "ya no se reciben respuestas" }).waitFor();
    check(await page.locator("#answer-form").count() === 0, "no answer form after the end");
    // What was queued goes once more and `ended` settles it; then nothing.
    await page.locator("#answer-status", { hasText: "la sesión ya terminó" }).waitFor({ timeout: 5000 });
    const before = fake.answers().length;
    await page.waitForTimeout(2500);  // longer than the first retry delay
    check(sentAfterEnd === 1 && fake.answers().length === before, "one send after the end, no retry: " + sentAfterEnd);
    check(Object.keys(await outboxOf(page)).length === 0, "nothing left queued after the end");
    // An old server may still show the prompt open after the end: the page does not offer it.
    fake.publish({ prompt: { ...fake.state.prompt, open: true } });
    await page.waitForTimeout(200);
    check(await page.locator("#answer-form").count() === 0, "no answer form after the end, even if the prompt looks open");
    await shot(page, "fellow-ended-390x844.png");
    await page.context().close();
    const en = await open(fake, "/?lang=en");
    await join(en, "Bea");
    await en.locator("#notice", { hasText: "The session has ended" }).waitFor();
    await shot(en, "fellow-ended-en-390x844.png");
    await en.context().close();
    // Unanswered at the end, and the join refused afterwards: settled, not left "sending".
    const late = new FakeServer();
    late.onAnswer = () => {};
    const silent = await open(late);
    await join(silent, "Caro");
    await silent.getByText("Café", { exact: true }).click();
    await silent.getByRole("button", { name: "Enviar respuesta" }).click();
    late.refuseHello = "ended";
    late.publish({ status: "ended", prompt: { ...late.state.prompt, open: false } });
    for (const ws of late.sockets) ws.close();
    await silent.locator("#answer-status[data-status='unconfirmed']", { hasText: "No se pudo confirmar" }).waitFor({ timeout: 15000 });
    check(Object.keys(await outboxOf(silent)).length === 0, "nothing left queued after the refused join");
    await silent.context().close();
    step("ended: said clearly, no answering, no retries");
  }

  // ------------------------------------------------------------ 5. remote
  {
    const fake = new FakeServer();
    const closes = Date.now() + 90500;
    fake.state = baseState({
      prompt: { ...baseState().prompt, id: "q2", closes_at: closes, time_s: 90 },
      admin: { prompts: [
        { id: "q1", kind: "quiz", text: "Primera", open: false, revealed: true, was_opened: true, answered: 3 },
        { id: "q2", kind: "poll", text: "Segunda", open: true, revealed: false, was_opened: true, answered: 1 },
      ], can_undo: false, drift_s: 0 },
    });
    fake.onCommand = (msg, ws) => {
      if (msg.command === "open") ws.send(JSON.stringify({ type: "error", seq: msg.seq, code: "prompt-revealed", message: "x" }));
      else ws.send(JSON.stringify({ type: "ack", seq: msg.seq, duplicate: false }));
    };
    const remote = await open(fake, "/remote#token=fake-admin-token-0123");
    const q1 = remote.locator("li[data-prompt='q1']");
    await q1.getByRole("button", { name: "Nueva ronda" }).waitFor();
    await remote.locator("li[data-prompt='q2'] .prompt-closes", { hasText: /Se cierra en 1:(2\d|30)/ }).waitFor();
    await q1.getByRole("button", { name: "Nueva ronda" }).click();
    const cmd = await waitFor("new-round", async () => fake.received.find((m) => m.command === "new-round"), 3000);
    check(cmd.type === "command" && cmd.prompt === "q1", "new-round command: " + JSON.stringify(cmd));
    await remote.locator("#command-status", { hasText: "Hecho" }).waitFor();
    fake.publish({ status: "paused", prompt: { ...fake.state.prompt, closes_at: null } });
    await remote.locator("li[data-prompt='q2'] .prompt-closes", { hasText: "tiempo en pausa" }).waitFor();
    fake.publish({ status: "running", prompt: { ...fake.state.prompt, closes_at: Date.now() + 30500 } });
    await remote.locator("li[data-prompt='q2'] .prompt-closes", { hasText: /Se cierra en 0:(2\d|30)/ }).waitFor();
    await shot(remote, "remote-new-round-390x844.png");
    // A refusal in words, not the server's message.
    fake.publish({ admin: { ...fake.state.admin, prompts: [{ ...fake.state.admin.prompts[0], revealed: false, was_opened: true }, fake.state.admin.prompts[1]] } });
    await q1.getByRole("button", { name: "Abrir" }).click();
    await remote.locator("#command-status", { hasText: "Nueva ronda" }).waitFor();
    fake.publish({ status: "ended", prompt: { ...fake.state.prompt, open: false } });
    await remote.locator("#ended", { hasText: "La sesión terminó" }).waitFor();
    check(await remote.locator("#btn-run").isDisabled(), "controls disabled after the end");
    check(await q1.getByRole("button").first().isDisabled(), "prompt buttons disabled after the end");
    await shot(remote, "remote-ended-390x844.png");
    await remote.context().close();
    step("remote: new-round, window countdown, refusals in words, ended");
  }

  // ------------------------------------------------------------ 6. new round, older page's queue
  {
    const fake = new FakeServer();
    fake.state = baseState({ prompt: { ...baseState().prompt, round: 1 } });
    const page = await open(fake);
    await join(page);
    await page.getByText("Té", { exact: true }).click();
    await page.getByRole("button", { name: "Enviar respuesta" }).click();
    await page.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 5000 });
    fake.publish({ prompt: { ...fake.state.prompt, round: 2 } });
    await page.getByRole("button", { name: "Enviar respuesta" }).waitFor();
    check(await page.locator("#answer-status").textContent() === "" && !(await page.getByLabel("Té").isChecked()),
      "a new round starts blank");
    // Same round number (or none, as in older states): results hidden again mean a new round.
    await page.getByText("Café", { exact: true }).click();
    await page.getByRole("button", { name: "Enviar respuesta" }).click();
    await page.locator("#answer-status", { hasText: "Respuesta recibida" }).waitFor({ timeout: 5000 });
    fake.publish({ prompt: { ...fake.state.prompt, open: false, revealed: true } });
    await page.locator("#answer-status", { hasText: "Tu respuesta: Café" }).waitFor();
    fake.publish({ prompt: { ...fake.state.prompt, open: true, revealed: false } });
    await page.getByRole("button", { name: "Enviar respuesta" }).waitFor();
    check(await page.locator("#answer-status").textContent() === "" && !(await page.getByLabel("Café").isChecked()),
      "results hidden again: a new round starts blank");
    // The single-tab page kept its queue in facilita.outbox: a new page sends it with its seq.
    await page.evaluate(() => {
      localStorage.setItem("facilita.outbox", JSON.stringify({ 7: { type: "answer", prompt: "q0", value: "Agua", seq: 7 } }));
      localStorage.setItem("facilita.seq", "8");
    });
    await page.reload();
    await waitFor("legacy answer", () => fake.answers().some((m) => m.seq === 7 && m.value === "Agua"), 5000);
    await waitFor("legacy queue gone", async () => Object.keys(await outboxOf(page)).length === 0, 5000);
    await page.context().close();
    step("a new round starts blank; the older page's queue is adopted");
  }

  // ------------------------------------------------------------ 7. joining
  {
    const fake = new FakeServer();
    fake.refuseHello = "too-many-joins";
    const page = await open(fake);
    await page.locator("#session-title", { hasText: "Sesión de prueba" }).waitFor();
    check(fake.sockets.size === 0, "no socket before there is a name (the server closes sockets that never join)");
    await page.getByLabel("Tu nombre").fill("Ana");
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.locator("#name-error", { hasText: "demasiadas personas" }).waitFor();
    await waitFor("socket closed", () => fake.sockets.size === 0, 3000);
    check(await page.locator("#join-view").isVisible(), "the join form stays, with the reason");
    fake.refuseHello = "";
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.locator("#whoami", { hasText: "Ana" }).waitFor();
    fake.refuseHello = "rename-limit";
    await page.getByRole("button", { name: "Cambiar nombre" }).click();
    await page.getByLabel("Tu nombre").fill("Otra");
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.locator("#problem", { hasText: "cambiaste de nombre demasiadas veces" }).waitFor();
    check(await page.locator("#whoami", { hasText: "Ana" }).isVisible(), "a refused rename keeps the old name, in the session");
    await page.context().close();
    step("joining: no socket before a name; a refused join or rename in words");
  }

  check(errors.length === 0, "no page errors:\n" + errors.join("\n"));
  console.log("OK");
} catch (e) {
  console.error(e.stack || String(e));
  console.error(errors.join("\n"));
  process.exitCode = 1;
} finally {
  await browser.close();
}
