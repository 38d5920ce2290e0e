// Shared by the app tests: a small session with a timed prompt, a fake clock
// whose wall time can be stepped, and Delivery options over a temporary dir.
#pragma once
#include <doctest/doctest.h>

#include <memory>
#include <string>

#include "app/delivery.hpp"
#include "core/loader.hpp"
#include "sim.hpp"

namespace facilita::test {

inline constexpr const char* kTimedSession = R"(id: app-test
title: Prueba de la entrega
language: es
duration: 20 min
objective: Probar la entrega.
objectives:
  - {id: o1, text: Uno}
sections:
  - id: uno
    title: Sección uno
    duration: 10 min
    objectives: [o1]
    content: Hola
    prompts:
      - id: q-rapida
        kind: choice
        text: ¿Cuál?
        options: ["A", "B", "C"]
        correct: "B"
        time: 30 s
      - id: q-texto
        kind: text
        text: Escribe algo
  - id: dos
    title: Sección dos
    duration: 10 min
    objectives: [o1]
    content: Fin
)";

inline Session timed_session() {
  auto loaded = load_session(kTimedSession);
  REQUIRE(loaded.ok());
  return *loaded.session;
}

// Wall and steady time under the test's control. Starts at a realistic epoch time.
struct FakeTime {
  Millis wall = 1'760'000'000'000;
  Millis steady = 5'000;
  void advance(Millis ms) { wall += ms, steady += ms; }
  void step_wall(Millis ms) { wall += ms; }  // NTP or a hand-set clock; steady does not move
  ClockSource source() {
    return ClockSource{[this] { return wall; }, [this] { return steady; }};
  }
};

inline DeliveryOptions options_for(const std::string& dir, FakeTime& time, bool start_new = false) {
  DeliveryOptions o;
  o.data_dir = dir;
  o.file_text = kTimedSession;
  o.file_path = dir + "/app-test.yaml";
  o.start_new = start_new;
  o.clock = time.source();
  return o;
}

}  // namespace facilita::test
