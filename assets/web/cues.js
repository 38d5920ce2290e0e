// Cue on the fellow page: when a clock (the section's, or a step's) reaches
// zero while the session runs, it pulses for a few seconds. No sound. A clock
// that was already past zero when the page saw it first (a section entered
// late, a page opened late) does not pulse, nor does one line pulse twice.
//
// Usage, from whatever renders a clock each tick:
//   FacilitaCues.observe(element, key, remainingMs, running)
// where `key` names what the clock counts (section id, or "section/step").
"use strict";

window.FacilitaCues = (() => {
  const PULSE_MS = 4000;
  const last = new WeakMap();  // element -> {key, ms, running}
  const fired = new Set();     // keys already pulsed

  function pulse(element) {
    element.classList.remove("cue-pulse");
    void element.offsetWidth;  // restart the animation
    element.classList.add("cue-pulse");
    clearTimeout(element.cueTimer);
    element.cueTimer = setTimeout(() => element.classList.remove("cue-pulse"), PULSE_MS);
  }

  function observe(element, key, ms, running) {
    if (!element) return;
    const before = last.get(element);
    last.set(element, { key, ms, running });
    if (!before || before.key !== key || !before.running || !running) return;
    if (before.ms > 0 && ms <= 0 && !fired.has(key)) {
      fired.add(key);
      pulse(element);
    }
  }

  return { observe };
})();
