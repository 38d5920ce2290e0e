// A facilitator's dry run of the module, replayed on the real console under
// Xvfb: keys through xdotool, twelve fellows over WebSocket on loopback, and
// after every step the --dump-state JSON and the journal (sqlite3) are checked.
// Screenshots of the console and the projector at the telling moments go to
// OUT_DIR for a person to look at.
//
// Usage (under tests/xvfb.sh, a screen at least 2400 wide): node --experimental-websocket dry_run.mjs FACILITA SESSION.yaml OUT_DIR
// Every wait is bounded; the process group is killed at the end.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [facilita, session, outDir] = process.argv.slice(2);
if (!facilita || !session || !outDir) {
  console.error("usage: node --experimental-websocket dry_run.mjs FACILITA SESSION.yaml OUT_DIR");
  process.exit(2);
}
if (typeof WebSocket !== "function") {
  console.error("this node has no WebSocket: run it with --experimental-websocket");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const TOKEN = "dry-run-admin-token-0123456789";
const tmp = mkdtempSync(join(tmpdir(), "facilita-dry-run-"));
const dump = join(tmp, "state.json");
const journalPath = join(tmp, "facilita.sqlite3");

let failures = 0;
function check(cond, what) {
  if (cond) console.log("ok   " + what);
  else { console.log("FAIL " + what); failures++; }
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ the app
const app = spawn(facilita, ["run", session, "--data", tmp, "--dump-state", dump, "--port", "0",
  "--bind", "127.0.0.1", "--admin-token", TOKEN, "--lang", "es", "--console"], { stdio: ["ignore", "pipe", "pipe"] });
let appOut = "";
app.stdout.on("data", (d) => { appOut += d; });
app.stderr.on("data", (d) => { appOut += d; });
let appExited = false;
app.on("exit", () => { appExited = true; });
const fellows = [];  // the WebSocket fellows, closed by finish()

function finish(code) {
  if (!appExited) app.kill("SIGKILL");
  for (const ws of fellows) try { ws.close(); } catch { /* closing anyway */ }
  rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
function abort(why) {
  // What the console had done by then: its state dump and the journal's events.
  let seen = "";
  try {
    const s = JSON.parse(readFileSync(dump, "utf8"));
    seen += `\n--- state dump: version ${s.version}, participants ${s.participants}, started ${s.started}`;
  } catch { seen += "\n--- no state dump"; }
  try {
    seen += "\n--- journal: " + execFileSync("sqlite3", ["-readonly", journalPath,
      "SELECT type, count(*) FROM events GROUP BY type"], { encoding: "utf8" }).trim().replace(/\n/g, ", ");
  } catch { seen += "\n--- no journal"; }
  console.log("FAIL " + why + seen + "\n--- facilita said:\n" + appOut);
  finish(1);
}
setTimeout(() => abort("the dry run took more than 240 s"), 240000).unref();

async function until(what, predicate, ms = 15000) {
  const end = Date.now() + ms;
  for (;;) {
    let value;
    try { value = await predicate(); } catch { value = undefined; }
    if (value) return value;
    if (Date.now() > end) abort("timed out waiting for: " + what);
    if (appExited) abort("facilita exited while waiting for: " + what);
    await sleep(100);
  }
}
function state() { return JSON.parse(readFileSync(dump, "utf8")); }
function xdo(...args) { return execFileSync("xdotool", args, { encoding: "utf8" }).trim(); }

// Start-up is slow on a loaded machine (a debug build with sanitizers, a software GL):
// a minute before the first line, and every later wait is 15 s unless it says otherwise.
const STARTUP_MS = 60000;
const port = Number((await until("the 'listening on' line", () => /(?:listening on|escuchando en) [^\s:]+:(\d+)/.exec(appOut), STARTUP_MS))[1]);
const base = `http://127.0.0.1:${port}`;
const consoleWin = await until("the console window", () => xdo("search", "--name", "Facilita · Consola").split("\n")[0], STARTUP_MS);
await until("the first state dump", () => existsSync(dump) && state().version !== undefined, STARTUP_MS);
// Side by side on the wide test screen, so each screenshot shows one window.
const projectorWin = await until("the projector window", () => xdo("search", "--name", "Facilita · Proyector").split("\n")[0], STARTUP_MS);
xdo("windowmove", projectorWin, "1300", "0");
xdo("windowmove", consoleWin, "0", "0");

async function key(...keys) {
  for (const k of keys) {
    xdo("key", "--window", consoleWin, k);
    await sleep(250);
  }
}
// Waits until the dump satisfies `predicate`, then reports the step.
async function step(what, predicate, ms = 15000) {
  await until(what, () => predicate(state()), ms);
  console.log("ok   " + what);
}
function journal(sql) {
  const out = execFileSync("sqlite3", ["-readonly", "-json", journalPath, sql], { encoding: "utf8" }).trim();
  return out ? JSON.parse(out) : [];
}
function eventTypes() { return journal("SELECT type FROM events ORDER BY delivery_id, seq").map((r) => r.type); }
function count(type) { return eventTypes().filter((t) => t === type).length; }
async function admin(command, extra = {}) {
  const res = await fetch(base + "/api/admin", { method: "POST",
    headers: { "Authorization": "Bearer " + TOKEN, "Content-Type": "application/json" },
    body: JSON.stringify({ command, ...extra }) });
  const body = await res.json();
  if (!res.ok) abort(`admin ${command}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}
function shot(name) {
  for (const [id, file] of [[consoleWin, `console-${name}.png`], [projectorWin, `projector-${name}.png`]])
    execFileSync("import", ["-window", id, join(outDir, file)]);
}

// ------------------------------------------------------------------ fellows
const NAMES = ["Ana", "Bruno", "Carmen", "Diego", "Elena", "Fabián", "Gabriela", "Hugo", "Inés", "Julián",
  "Karla", "Luis"];
const acked = new Map();  // fellow index -> acks
let nextSeq = 1;
async function join_(name, i) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  ws.pending = new Map();
  ws.addEventListener("message", (e) => {
    const m = JSON.parse(e.data);
    if (m.type === "welcome") ws.participant = m.participant;
    if (m.type === "ack" && ws.pending.has(m.seq)) { ws.pending.get(m.seq)(m); ws.pending.delete(m.seq); }
    if (m.type === "error" && ws.pending.has(m.seq)) { ws.pending.get(m.seq)(m); ws.pending.delete(m.seq); }
  });
  await new Promise((resolve, reject) => { ws.addEventListener("open", resolve); ws.addEventListener("error", reject); });
  ws.send(JSON.stringify({ type: "hello", name }));
  // Twelve joins at once are one journal commit; on a loaded disk its fsync can be slow.
  await until(`${name} is welcomed`, () => ws.participant, STARTUP_MS);
  fellows[i] = ws;
}
function answer(i, prompt, value) {
  const ws = fellows[i];
  const seq = nextSeq++;
  return new Promise((resolve) => {
    ws.pending.set(seq, (m) => {
      if (m.type === "ack") acked.set(i, (acked.get(i) || 0) + 1);
      resolve(m);
    });
    ws.send(JSON.stringify({ type: "answer", prompt, value, seq }));
  });
}
const joinStart = Date.now();
await Promise.all(NAMES.map((n, i) => join_(n, i)));
console.log(`·    12 fellows welcomed in ${Date.now() - joinStart} ms`);
await step("12 fellows joined", (s) => s.participants === 12);

// ------------------------------------------------------------------ the run
await key("space");
await step("Space starts the delivery", (s) => s.started && s.running && s.current === 0);
check(count("started") === 1, "journal: started");

await key("Right", "Right");
await step("a wrong Next: two sections on", (s) => s.current === 2);
await key("ctrl+z");
await step("Ctrl+Z undoes it: back on 'Cómo funciona'", (s) => s.current === 1 && s.current_id === "funcionamiento");
check(count("undone") === 1, "journal: undone");

// Shorten 12:00 to 2:00, then 1:00: wrap-up at once, overtime within a minute.
for (let i = 0; i < 10; i++) await key("minus");
await step("ten '-' plan 'Cómo funciona' at 2:00, locked", (s) => s.planned_s[1] === 120 && s.locked.includes(1));
check(state().phase === "normal", "2:00 left is still the normal phase: " + state().phase);
await key("minus");
await step("one more '-': 1:00 is the wrap-up", (s) => s.planned_s[1] === 60 && s.phase === "wrap-up");
check(count("adjusted") === 11, "journal: 11 adjustments");
shot("wrap-up");
await step("the clock crosses zero: overtime", (s) => s.phase === "overtime", 75000);
shot("overtime");

await key("r");
await step("R opens the rebalance preview", (s) => s.rebalance_preview);
shot("rebalance-preview");
const planBefore = JSON.stringify(state().planned_s);
await key("Escape");
await step("Esc cancels it", (s) => !s.rebalance_preview);
check(JSON.stringify(state().planned_s) === planBefore && count("rebalanced") === 0, "a cancelled rebalance changes nothing");
await key("r");
await step("R again", (s) => s.rebalance_preview);
await key("Return");
await step("Enter accepts the rebalance", (s) => !s.rebalance_preview && count("rebalanced") === 1);
check(state().planned_s[1] === 60, "the hand-set 1:00 survives the rebalance (locked)");
check(state().end_drift_s !== undefined, "the dump carries the end drift: " + state().end_drift_s);

// A poll: open, twelve answers acknowledged, close, reveal.
await key("Right");
await step("Next: 'Estado de avance'", (s) => s.current_id === "avance");
await key("o");
await step("O opens the poll", (s) => s.open_prompt === "q-etapa-entidad");
const pollAcks = await Promise.all(NAMES.map((_, i) => answer(i, "q-etapa-entidad", null)));
check(pollAcks.every((m) => m.type === "error" && m.code === "bad-value"), "a null answer is refused bad-value");
const session_ = JSON.parse(execFileSync(facilita, ["check", "--json", session], { encoding: "utf8" }));
const sessionJson = Array.isArray(session_) ? session_[0].session || session_[0] : session_.session || session_;
const poll = sessionJson.sections.find((s) => s.id === "avance").prompts.find((p) => p.id === "q-etapa-entidad");
const acks = await Promise.all(NAMES.map((_, i) => answer(i, "q-etapa-entidad", poll.options[i % poll.options.length])));
check(acks.every((m) => m.type === "ack"), "12 answers acknowledged");
check(journal("SELECT count(*) AS n FROM events WHERE type='answered'")[0].n === 12, "journal: 12 answers");
shot("poll-open");
await key("c");
await step("C closes it", (s) => s.open_prompt === "");
await key("v");
await step("V reveals it", () => count("prompt-revealed") === 1);
shot("poll-revealed");
await key("t");
await step("T: back to the slide after the reveal", (s) => s.projector.content_over_prompt);
await key("Down");
shot("poll-back-to-slide");
await key("t");
await step("T again: the results", (s) => !s.projector.content_over_prompt);
check(count("projector-shown") === 2, "journal: projector-shown twice");

// Blackout and freeze, on and off.
await key("b");
await step("B blacks the projector out", (s) => s.projector.blackout);
await key("b");
await step("B brings it back", (s) => !s.projector.blackout);
await key("f");
await step("F freezes the projector", (s) => s.projector.frozen);
await key("f");
await step("F unfreezes it", (s) => !s.projector.frozen);

// Pause and resume.
await key("space");
await step("Space pauses", (s) => s.started && !s.running);
shot("paused");
await key("space");
await step("Space resumes", (s) => s.running);
check(count("paused") >= 1 && count("resumed") >= 1, "journal: paused and resumed");

// A text prompt: answers, one hidden by the facilitator.
await key("Right", "Right", "Right");
await step("three Nexts: the co-creation activity", (s) => s.current_id === "cocreacion");
await key("o");
await step("O opens the text prompt", (s) => s.open_prompt === "q-problema-publico");
const texts = await Promise.all(NAMES.slice(0, 6).map((n, i) => answer(i, "q-problema-publico", `Problema visto por ${n}`)));
check(texts.every((m) => m.type === "ack"), "6 text answers acknowledged");
await key("c");
await step("C closes it", (s) => s.open_prompt === "");
await admin("hide", { prompt: "q-problema-publico", participant: fellows[2].participant });
await step("the facilitator hides one text answer", (s) => s.hidden_answers === 1);
check(count("answer-hidden") === 1, "journal: answer-hidden");
await admin("unhide", { prompt: "q-problema-publico", participant: fellows[2].participant });
await step("and shows it again", (s) => s.hidden_answers === 0);
check(count("answer-unhidden") === 1, "journal: answer-unhidden");

// The quiz: open, answers, reveal (closes it).
await key("Right");
await step("Next: the quiz", (s) => s.current_id === "quiz");
await key("o");
await step("O opens the first quiz question", (s) => s.open_prompt === "q-entidades");
const quiz = sessionJson.sections.find((s) => s.id === "quiz").prompts.find((p) => p.id === "q-entidades");
const quizAcks = await Promise.all(NAMES.map((_, i) => answer(i, "q-entidades", quiz.options[i % quiz.options.length])));
check(quizAcks.every((m) => m.type === "ack"), "12 quiz answers acknowledged");
await key("v");
await step("V closes and reveals it", (s) => s.open_prompt === "" && count("prompt-revealed") === 2);
shot("quiz-revealed");

// The end, from the remote (the console's End asks with a modal button).
await admin("end");
await step("the delivery has ended", (s) => s.ended && !s.running);
check(state().can_undo === false, "nothing to undo after the end");
shot("ended");
await key("ctrl+z", "Right");
await sleep(500);
check(state().ended && state().current_id === "quiz", "keys after the end change nothing");

// Nothing acknowledged was lost: every ack is an answered event.
const totalAcks = [...acked.values()].reduce((a, b) => a + b, 0);
const answered = journal("SELECT count(*) AS n FROM events WHERE type='answered'")[0].n;
check(answered === totalAcks, `every acknowledged answer is in the journal (${answered} of ${totalAcks})`);
check(count("ended") === 1, "journal: ended once");

// Closing the window ends the process cleanly.
app.kill("SIGTERM");
await until("facilita exits after SIGTERM", () => appExited, 10000);
console.log(failures ? `${failures} check(s) failed` : "dry run: all steps passed");
finish(failures ? 1 : 0);
