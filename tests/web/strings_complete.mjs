// Fails when a key of the fellow page / remote string table is missing in
// either language, or when placeholders ({name}) differ between languages.
// Also fails when app.js or remote.js asks t() for a key that no table has,
// or when a refusal code the server sends has no words.
import { readFileSync } from "node:fs";
import vm from "node:vm";

const root = process.argv[2];
const sandbox = { window: {} };
vm.runInNewContext(readFileSync(`${root}/assets/web/strings.js`, "utf8"), sandbox);
const tables = sandbox.window.FACILITA_STRINGS;
let failures = 0, checks = 0;
const fail = (msg) => { console.log("FAIL " + msg); failures++; };
const placeholders = (s) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(",");

for (const lang of ["es", "en"]) if (!tables?.[lang]) fail(`no '${lang}' table`);
const langs = Object.keys(tables);
const keys = new Set(langs.flatMap((l) => Object.keys(tables[l])));
for (const key of keys) {
  checks++;
  for (const lang of langs) {
    const value = tables[lang][key];
    if (typeof value !== "string" || !value.trim()) fail(`'${key}' missing or empty in '${lang}'`);
    else if (placeholders(value) !== placeholders(tables.es[key] ?? "")) fail(`'${key}' placeholders differ in '${lang}'`);
  }
}
for (const file of ["app.js", "remote.js", "common.js", "answers.js", "room.js", "remote_room.js", "remote_live.js", "questions.js",
                    "remote_questions.js"]) {
  const source = readFileSync(`${root}/assets/web/${file}`, "utf8");
  for (const m of source.matchAll(/\bt\(\s*"([a-z0-9_]+)"(\s*\+)?/g)) {
    checks++;
    const built = Boolean(m[2]);  // t("phase_" + phase): the prefix must name some keys
    const known = built ? [...keys].some((k) => k.startsWith(m[1])) : keys.has(m[1]);
    if (!known) fail(`${file} uses '${m[1]}${built ? "…" : ""}', which no table defines`);
  }
}
// Refusal codes the pages put in words (reasonOf builds err_<code>).
const CODES = ["ended", "seq-reused", "prompt-revealed", "rename-limit", "too-many-joins", "already-joined",
  "rate-limited", "storage", "forbidden-origin", "bad-host", "prompt-closed", "unknown-prompt", "bad-value", "room-full",
  "bad-text", "too-many-questions", "too-soon", "unknown-question", "own-question", "qa-full",
  "no-results", "already-shown", "already-hidden", "not-hidden", "not-locked", "bad-plan", "no-rebalance"];
for (const code of CODES) {
  checks++;
  if (!keys.has("err_" + code.replace(/-/g, "_"))) fail(`no words for the error code '${code}'`);
}
console.log(`${checks - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
