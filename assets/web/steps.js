// The current activity step of the section, on the fellow page and the
// remote: "Paso 2 de 4", its title, its own countdown (ticking locally from
// `section.step.ends_at`, like the section clock), its text and the list of
// the section's steps with the current one marked. Renders into #step-slot.
"use strict";
window.FacilitaSteps = (() => {
  const { t, el, formatClock } = Facilita;
  let key = "";

  // Milliseconds left in the step: negative past zero (the step stays until
  // the facilitator moves on).
  function remaining(state, offset) {
    const step = state && state.section && state.section.step;
    if (!step) return 0;
    if (state.status === "running" && typeof step.ends_at === "number") return step.ends_at - (Date.now() + offset);
    return (step.remaining_s || 0) * 1000;
  }

  function render(state) {
    const slot = document.getElementById("step-slot");
    if (!slot) return;
    const section = (state && state.section) || {};
    const step = section.step;
    const steps = Array.isArray(section.steps) ? section.steps : [];
    const show = !!step && state.status !== "ended";
    slot.hidden = !show;
    if (!show) { key = ""; return; }
    const k = JSON.stringify([section.id, step.index, step.title, step.text, steps]);
    if (k === key) return;
    key = k;
    const list = el("ol", { class: "step-list", "aria-label": t("steps_heading") },
      ...steps.map((s, i) => el("li", {
        class: i === step.index ? "current" : i < step.index ? "done" : "",
        "aria-current": i === step.index ? "step" : false,
      }, el("span", { class: "step-name", text: s.title }),
        el("span", { class: "step-planned", text: formatClock((s.planned_s || 0) * 1000) }))));
    slot.replaceChildren(
      el("p", { class: "eyebrow", id: "step-count", text: t("step_of", { n: step.index + 1, count: step.count }) }),
      el("div", { class: "step-row" },
        el("h2", { class: "step-title", id: "step-title", text: step.title }),
        el("p", { class: "step-clock", id: "step-clock", "data-phase": "normal" },
          el("span", { class: "visually-hidden", text: t("step_time_left") }), " ",
          el("span", { id: "step-clock-time", text: "--:--" }))),
      step.text ? el("p", { class: "step-text", text: step.text }) : null,
      list);
  }

  function tick(state, offset) {
    const time = document.getElementById("step-clock-time");
    if (!time || !state || !state.section || !state.section.step) return;
    const ms = remaining(state, offset);
    time.textContent = formatClock(ms);
    const clock = document.getElementById("step-clock");
    clock.dataset.phase = ms < 0 ? "overtime" : "normal";
    if (window.FacilitaCues)  // the step's clock pulses at zero too (cues.js)
      window.FacilitaCues.observe(clock, state.section.id + "/" + state.section.step.id, ms, state.status === "running");
  }

  return { render, tick, remaining };
})();
