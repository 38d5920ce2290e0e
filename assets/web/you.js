// Personal feedback on the fellow page: after a quiz question is revealed the
// fellow sees whether their own answer was right (multi: what was right,
// missing, extra), and once the room has left a quiz section their score
// card. The server sends it in a `you` message to this fellow's sockets only;
// nothing here is ever about anyone else, and nothing shows before a reveal.
"use strict";
(() => {
  const { t, el } = Facilita;
  let you = null;
  let state = null;

  function list(items) { return items.join(", "); }

  // One sentence for one verdict.
  function verdictLine(kind, a) {
    const right = a.right || [], missing = a.missing || [], extra = a.extra || [];
    if (a.verdict === "right") return t("you_right");
    if (kind === "multi") {
      const parts = [t("you_partial", { right: right.length, total: right.length + missing.length })];
      if (missing.length) parts.push(t("you_missing", { list: list(missing) }));
      if (extra.length) parts.push(t("you_extra", { list: list(extra) }));
      return parts.join("; ");
    }
    return t("you_wrong", { correct: list(missing) });
  }

  function render() {
    const slot = document.getElementById("you-slot");
    if (!slot) return;
    slot.replaceChildren();
    if (!you || !state) return;
    const p = state.prompt;
    const a = p && you.answers && you.answers[p.id];
    // The verdict shows with the results: the prompt revealed and not open.
    if (a && a.verdict && p.revealed && !p.open) {
      slot.append(el("section", { class: "card you", id: "you-verdict", "data-verdict": a.verdict },
        el("p", { class: "eyebrow", text: t("you_heading") }),
        el("p", { class: "you-verdict", text: verdictLine(p.kind, a) })));
    }
    for (const s of you.scores || []) {
      slot.append(el("section", { class: "card you score", "data-section": s.section },
        el("p", { class: "eyebrow", text: s.title }),
        el("p", { class: "you-score", text: t("you_score", { right: s.right, of: s.of }) })));
    }
  }

  Facilita.you = {
    onYou(msg) { you = msg; render(); },
    onState(next) { state = next; render(); },
  };
})();
