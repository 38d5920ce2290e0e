#!/usr/bin/env node
// Validates every session file under sessions/ against
// assets/schema/session.schema.json, and proves the schema can fail by
// checking that a few broken copies of the module are rejected.
//
// The schema is what editors use; the C++ checker (`facilita check`) is the
// authority. This test also does the cross-field checks a JSON Schema cannot
// express (section durations add up, `correct` is among `options`, ids and
// objective references), so a session that passes here should pass there.
//
// Usage: node tests/schema/validate.mjs <repo-root>
// Exit:  0 all passed, 1 a check failed, 2 usage error.

import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import { parseDocument, LineCounter, isMap, isSeq, isPair, visit } from "yaml";

const MODULE = "sessions/m2-s3-gobierno-abierto.yaml";
const SCHEMA = "assets/schema/session.schema.json";

const [root] = process.argv.slice(2);
if (!root || process.argv.length > 3) {
  console.error("usage: node tests/schema/validate.mjs <repo-root>");
  process.exit(2);
}
if (!existsSync(join(root, SCHEMA))) {
  console.error(`error: ${join(root, SCHEMA)} not found; is ${root} the repository root?`);
  process.exit(2);
}

const schema = JSON.parse(readFileSync(join(root, SCHEMA), "utf8"));
const ajv = new Ajv2020({
  allErrors: true,
  strict: true,
  // `required` inside if/then names properties declared one level up: fine.
  strictRequired: false,
  allowUnionTypes: true,
});
const validate = ajv.compile(schema);
const durationPattern = new RegExp(schema.$defs.duration.pattern, "u");

let passed = 0;
let failed = 0;
function pass(line) { passed++; console.log(`ok ${line}`); }
function fail(line, details = []) {
  failed++;
  console.log(`FAIL ${line}`);
  for (const d of details) console.log(`  ${d}`);
}

// ---------------------------------------------------------------- durations

const UNIT_SECONDS = [
  [/^(h|hrs?|horas?|hours?)$/, 3600],
  [/^(mins?|m|minutos?|minutes?)$/, 60],
  [/^(s|sec|seg|segundos?|seconds?)$/, 1],
];

/** Seconds in a duration string, or null when the schema pattern rejects it. */
function parseDuration(text) {
  if (typeof text !== "string" || !durationPattern.test(text)) return null;
  const clock = text.trim().match(/^(\d+):(\d{2})(?::(\d{2}))?$/);
  if (clock) {
    const [, a, b, c] = clock.map(Number);
    return clock[3] === undefined ? a * 60 + b : a * 3600 + b * 60 + c;
  }
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)\s*([a-z]+)/g)) {
    const [, factor] = UNIT_SECONDS.find(([re]) => re.test(unit));
    total += Number(n) * factor;
  }
  return total;
}

function formatSeconds(s) {
  const m = Math.floor(s / 60);
  const r = s % 60;
  return r ? `${m} min ${r} s` : `${m} min`;
}

// ------------------------------------------------------------ yaml helpers

function loadYaml(text) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  return { doc, lineCounter };
}

/** "line:col" of the node at a JSON pointer (instancePath), best effort. */
function locate(doc, lineCounter, instancePath, key) {
  const path = instancePath.split("/").slice(1).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = doc.contents;
  let best = node;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && String(it.key?.value ?? it.key) === seg);
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(seg)];
    } else break;
    if (!node) break;
    best = node;
  }
  if (key !== undefined && isMap(best)) {
    const pair = best.items.find((it) => isPair(it) && String(it.key?.value ?? it.key) === key);
    if (pair?.key?.range) best = pair.key;
  }
  const offset = best?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return `${line}:${col}`;
}

function describeAjvError(e) {
  const where = e.instancePath || "/";
  if (e.keyword === "additionalProperties") return `${where}: unknown key '${e.params.additionalProperty}'`;
  if (e.keyword === "enum") return `${where}: ${e.message} (${e.params.allowedValues.join(", ")})`;
  if (e.keyword === "false schema") return `${where}: not allowed here for this prompt kind`;
  return `${where}: ${e.message}`;
}

// --------------------------------------------------- cross-field checks

/** Problems a JSON Schema cannot express; returns a list of messages. */
function semanticProblems(session) {
  const problems = [];
  const sectionIds = new Set();
  const promptIds = new Set();
  const objectiveIds = new Set();
  const covered = new Set();

  for (const o of session.objectives ?? []) {
    if (objectiveIds.has(o.id)) problems.push(`duplicate objective id '${o.id}'`);
    objectiveIds.add(o.id);
  }

  let sum = 0;
  const terms = [];
  for (const s of session.sections ?? []) {
    if (sectionIds.has(s.id)) problems.push(`duplicate section id '${s.id}'`);
    sectionIds.add(s.id);
    const d = parseDuration(s.duration);
    sum += d;
    terms.push(formatSeconds(d));
    // Same defaults as the checker: 50 % and 150 %, in whole seconds.
    const min = s.min !== undefined ? parseDuration(s.min) : Math.floor(d / 2);
    const max = s.max !== undefined ? parseDuration(s.max) : Math.floor((d * 3) / 2);
    if (!s.fixed && !(min <= d && d <= max)) {
      problems.push(`section '${s.id}': need min <= duration <= max, got ${formatSeconds(min)} / ${formatSeconds(d)} / ${formatSeconds(max)}`);
    }
    for (const o of s.objectives ?? []) {
      if (!objectiveIds.has(o)) problems.push(`section '${s.id}': objective '${o}' is not defined`);
      covered.add(o);
    }
    const stepIds = new Set();
    let stepSum = 0;
    for (const st of s.steps ?? []) {
      if (stepIds.has(st.id)) problems.push(`section '${s.id}': duplicate step id '${st.id}'`);
      stepIds.add(st.id);
      stepSum += parseDuration(st.duration);
    }
    if (stepSum > d) {
      problems.push(`section '${s.id}': steps add up to ${formatSeconds(stepSum)}, more than the section's ${formatSeconds(d)}`);
    }
    for (const p of s.prompts ?? []) {
      if (promptIds.has(p.id)) problems.push(`duplicate prompt id '${p.id}'`);
      promptIds.add(p.id);
      if (p.correct !== undefined) {
        const wanted = Array.isArray(p.correct) ? p.correct : [p.correct];
        for (const c of wanted) {
          if (!p.options.includes(c)) problems.push(`prompt '${p.id}': correct answer '${c}' is not one of its options`);
        }
      }
      if (p.kind === "scale" && !(p.scale.min < p.scale.max && p.scale.max - p.scale.min <= 100)) {
        problems.push(`prompt '${p.id}': scale needs min < max, at most 100 steps apart`);
      }
    }
  }
  const total = parseDuration(session.duration);
  if (sum !== total) {
    problems.push(`section durations add up to ${formatSeconds(sum)} (${terms.join(" + ")}), session duration is ${formatSeconds(total)}`);
  }
  for (const id of objectiveIds) {
    if (!covered.has(id)) problems.push(`objective '${id}' is not covered by any section`);
  }
  return problems;
}

// ------------------------------------------------------ one session file

function checkFile(absPath) {
  const rel = relative(root, absPath);
  const text = readFileSync(absPath, "utf8");
  const problems = [];

  const firstLine = text.split("\n", 1)[0];
  const m = firstLine.match(/^# yaml-language-server: \$schema=(\S+)$/);
  if (!m) {
    problems.push("1:1: first line must be '# yaml-language-server: $schema=<relative path to the schema>'");
  } else if (resolve(dirname(absPath), m[1]) !== resolve(root, SCHEMA)) {
    problems.push(`1:1: schema comment points to '${m[1]}', which is not ${SCHEMA}`);
  }

  const { doc, lineCounter } = loadYaml(text);
  for (const e of doc.errors) {
    const { line, col } = lineCounter.linePos(e.pos[0]);
    problems.push(`${line}:${col}: ${e.message.split("\n")[0]}`);
  }
  visit(doc, {
    Alias(_, node) {
      const { line, col } = lineCounter.linePos(node.range[0]);
      problems.push(`${line}:${col}: YAML aliases are not allowed`);
    },
    Node(_, node) {
      if (node.anchor) {
        const { line, col } = lineCounter.linePos(node.range[0]);
        problems.push(`${line}:${col}: YAML anchors are not allowed`);
      }
    },
  });
  if (doc.errors.length) return fail(rel, problems);

  const session = doc.toJS();
  if (!validate(session)) {
    for (const e of validate.errors) {
      problems.push(`${locate(doc, lineCounter, e.instancePath, e.params?.additionalProperty)}: ${describeAjvError(e)}`);
    }
    return fail(rel, problems);
  }
  problems.push(...semanticProblems(session));
  if (problems.length) return fail(rel, problems);
  pass(rel);
}

function yamlFilesUnder(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/.test(entry.name)) out.push(p);
  }
  return out.sort();
}

// ---------------------------------------------------- negative cases

function expectRejected(name, mutate, expectedKeyword) {
  const session = loadYaml(readFileSync(join(root, MODULE), "utf8")).doc.toJS();
  mutate(session);
  if (validate(session)) return fail(`rejects ${name}`, ["the schema accepted it"]);
  const keywords = validate.errors.map((e) => e.keyword);
  if (!keywords.includes(expectedKeyword)) {
    return fail(`rejects ${name}`, [`expected a '${expectedKeyword}' error, got: ${keywords.join(", ")}`]);
  }
  pass(`rejects ${name} (${describeAjvError(validate.errors.find((e) => e.keyword === expectedKeyword))})`);
}

function firstPrompt(session) {
  return session.sections.find((s) => s.prompts?.length).prompts[0];
}

function negativeCases() {
  expectRejected("a bad duration", (s) => { s.sections[0].duration = "5 minutes please"; }, "pattern");
  expectRejected("a bare number as duration", (s) => { s.duration = 79; }, "type");
  expectRejected("an unknown section key", (s) => { s.sections[1].duraton = "5 min"; }, "additionalProperties");
  expectRejected("an unknown top-level key", (s) => { s.autor = "x"; }, "additionalProperties");
  expectRejected("prompt kind 'quiz'", (s) => { firstPrompt(s).kind = "quiz"; }, "enum");
  expectRejected("an id with capitals", (s) => { s.sections[0].id = "Introduccion"; }, "pattern");
  expectRejected("a language other than es/en", (s) => { s.language = "fr"; }, "enum");
  expectRejected("a section both fixed and optional", (s) => {
    s.sections[0].fixed = true;
    s.sections[0].optional = true;
  }, "not");
  expectRejected("a choice prompt without options", (s) => {
    s.sections[0].prompts = [{ id: "q-x", kind: "choice", text: "?" }];
  }, "required");
  expectRejected("options on a text prompt", (s) => {
    s.sections[0].prompts = [{ id: "q-x", kind: "text", text: "?", options: ["a", "b"] }];
  }, "false schema");
  expectRejected("a scale prompt without scale", (s) => {
    s.sections[0].prompts = [{ id: "q-x", kind: "scale", text: "?" }];
  }, "required");
  expectRejected("correct on a poll", (s) => {
    s.sections[0].prompts = [{ id: "q-x", kind: "poll", text: "?", options: ["a", "b"], correct: "a" }];
  }, "false schema");
  expectRejected("a list as correct answer of a choice", (s) => {
    s.sections[0].prompts = [{ id: "q-x", kind: "choice", text: "?", options: ["a", "b"], correct: ["a"] }];
  }, "type");
  expectRejected("moderation as a string", (s) => { s.questions = { moderation: "yes" }; }, "type");
  expectRejected("an unknown key in questions", (s) => { s.questions = { moderacion: true }; }, "additionalProperties");
  expectRejected("an unknown key in scale", (s) => {
    s.sections[0].prompts = [{ id: "q-x", kind: "scale", text: "?", scale: { min: 1, max: 5, step: 1 } }];
  }, "additionalProperties");

  expectRejected("an unknown key in a step", (s) => {
    s.sections[0].steps = [{ id: "a", title: "A", duraton: "1 min" }];
  }, "additionalProperties");
  expectRejected("a step without duration", (s) => {
    s.sections[0].steps = [{ id: "a", title: "A" }];
  }, "required");

  // The module itself must fail the cross-field checks when broken.
  const broken = loadYaml(readFileSync(join(root, MODULE), "utf8")).doc.toJS();
  broken.sections[0].duration = "6 min";
  const problems = semanticProblems(broken);
  if (problems.some((p) => p.includes("add up"))) pass("rejects section durations that do not add up");
  else fail("rejects section durations that do not add up", problems);
  const longSteps = loadYaml(readFileSync(join(root, MODULE), "utf8")).doc.toJS();
  const withSteps = longSteps.sections.find((s) => s.steps?.length);
  withSteps.steps[0].duration = "30 min";
  if (semanticProblems(longSteps).some((p) => p.includes("steps add up"))) pass("rejects steps longer than their section");
  else fail("rejects steps longer than their section", semanticProblems(longSteps));
}

function durationGrammar() {
  const accepted = ["5 min", "90 s", "1 h 5 min", "4:30", "79min", "0:45", "2 horas", "1 hora 30 minutos", "5 mins", "2 hrs",
    "45 segundos", "10 m", "30 sec", "1h5m30s", " 5 min ", "1 hour 2 minutes 3 seconds", "0 min 30 s",
    "1 hr", "1:02:03"];
  const expected = [300, 90, 3900, 270, 4740, 45, 7200, 5400, 300, 7200, 45, 600, 30, 3930, 300, 3723, 30, 3600, 3723];
  const rejected = ["", "5", "min", "0 min", "0:00", "5 minutes please", "1:5", "4:75", "5 s 3 min",
    "-5 min", "1.5 h", "5 minz", "1h30", "1:2:03", "1:02:60", "5\tmin", "5 min 5 min"];
  accepted.forEach((text, i) => {
    const seconds = parseDuration(text);
    if (seconds === expected[i]) pass(`duration '${text}' = ${seconds} s`);
    else fail(`duration '${text}'`, [`expected ${expected[i]} s, got ${seconds}`]);
  });
  for (const text of rejected) {
    if (durationPattern.test(text)) fail(`duration '${text}' is rejected`, ["the pattern accepted it"]);
    else pass(`duration '${text}' is rejected`);
  }
}

// ------------------------------------------------------------------- main

const sessionsDir = join(root, "sessions");
const files = existsSync(sessionsDir) ? yamlFilesUnder(sessionsDir) : [];
if (!files.length) fail("sessions/ holds at least one .yaml file");
for (const f of files) checkFile(f);
if (existsSync(join(root, MODULE))) negativeCases();
else fail(`${MODULE} exists (the negative cases start from it)`);
durationGrammar();

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
