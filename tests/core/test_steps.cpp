// Activity steps: the YAML rules, NextStep / PreviousStep and their refusals,
// the step clock (pauses excluded, past zero), the proportional step plan
// after Adjust and Rebalance, undo, section changes, reload, replay and JSON.
#include <nlohmann/json.hpp>

#include "core/event_json.hpp"
#include "core/session_diff.hpp"
#include "core/session_reload.hpp"
#include "core/snapshot.hpp"
#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

Step make_step(std::string id, int duration_s) {
  Step st;
  st.id = id;
  st.title = "Step " + id;
  st.duration_s = duration_s;
  return st;
}

// Three sections: s1 10 min with 1-2-3-4 min steps, s2 5 min without steps,
// s3 6 min with 2 + 3 min steps (1 min outside them).
Session stepped() {
  Session s = make_session({{600, 300, 1200}, {300}, {360}});
  s.sections[0].steps = {make_step("uno", 60), make_step("dos", 120), make_step("cuatro", 180),
                         make_step("todos", 240)};
  s.sections[2].steps = {make_step("a", 120), make_step("b", 180)};
  return s;
}

std::string yaml_with_steps(const std::string& steps, const std::string& duration = "10 min") {
  return "id: t\ntitle: T\nduration: " + duration +
         "\nsections:\n"
         "  - id: uno\n"
         "    title: Uno\n"
         "    duration: " +
         duration + "\n    steps:\n" + steps;
}

std::vector<std::string> messages(const LoadResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics) out.push_back(format_diagnostic("f.yaml", d, Lang::En));
  return out;
}

bool any_contains(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("steps load with id, title, duration and text") {
  const LoadResult r = load_session(yaml_with_steps(
      "      - {id: solo, title: Solos, duration: 1 min, text: Piensa}\n"
      "      - {id: pares, title: En parejas, duration: \"2:00\"}\n"
      "      - {id: cuartos, title: En cuartetos, duration: 3 min}\n"
      "      - {id: todos, title: Todos, duration: 4 min}\n"));
  REQUIRE(r.ok());
  CHECK(r.diagnostics.empty());
  const auto& steps = r.session->sections[0].steps;
  REQUIRE(steps.size() == 4);
  CHECK(steps[0].id == "solo");
  CHECK(steps[0].text == "Piensa");
  CHECK(steps[1].title == "En parejas");
  CHECK(steps[1].duration_s == 120);
  CHECK(steps[3].pos.line == 12);
}

TEST_CASE("steps longer than their section are an error naming both sums") {
  const LoadResult r = load_session(yaml_with_steps(
      "      - {id: a, title: A, duration: 4 min}\n"
      "      - {id: b, title: B, duration: 7 min}\n"));
  CHECK_FALSE(r.ok());
  const auto lines = messages(r);
  CHECK(any_contains(lines, "f.yaml:9:9: error: steps of section 'uno' add up to 11 min, more than the section's 10 min"));
  CHECK(any_contains(lines, "4 + 7 = 11 min, section 10 min"));
  CHECK(any_contains(lines, "remove 1 min from the steps"));
}

TEST_CASE("steps shorter than their section are a warning: time outside the steps") {
  const LoadResult r = load_session(yaml_with_steps(
      "      - {id: a, title: A, duration: 4 min}\n"
      "      - {id: b, title: B, duration: 5 min}\n"));
  REQUIRE(r.ok());
  const auto lines = messages(r);
  REQUIRE(lines.size() == 1);
  CHECK(any_contains(lines, "f.yaml:8:5: warning: steps of section 'uno' add up to 9 min, less than the section's 10 min"));
  CHECK(any_contains(lines, "1 min of the section lies outside its steps"));
}

TEST_CASE("step ids are unique within a section, titles are not empty, keys are known") {
  const LoadResult r = load_session(yaml_with_steps(
      "      - {id: a, title: A, duration: 4 min}\n"
      "      - {id: a, title: \"\", duration: 5 min}\n"
      "      - {id: c, title: C, durtion: 1 min}\n"));
  CHECK_FALSE(r.ok());
  const auto lines = messages(r);
  CHECK(any_contains(lines, "f.yaml:10:14: error: duplicate step id 'a'"));
  CHECK(any_contains(lines, "f.yaml:10:24: error: 'title' must not be empty"));
  CHECK(any_contains(lines, "f.yaml:11:27: error: unknown key 'durtion' in step"));
  CHECK(any_contains(lines, "did you mean 'duration'?"));
}

TEST_CASE("the same step id in two sections is fine") {
  Session s = stepped();
  s.sections[2].steps[0].id = "uno";
  std::vector<Diagnostic> out;
  validate_session(s, out);
  REQUIRE(out.size() == 1);  // only s3's time outside its steps
  CHECK(out[0].severity == Severity::Warning);
  CHECK(out[0].message.find("less than the section's 6 min") != std::string::npos);
}

TEST_CASE("step commands need a started, not ended delivery and a section with steps") {
  const Session s = stepped();
  Room room(s);
  CHECK(room.code(cmd::NextStep{}) == "not-started");
  CHECK(room.code(cmd::PreviousStep{}) == "not-started");
  room.ok(cmd::Start{});
  CHECK(room.code(cmd::PreviousStep{}) == "first-step");
  room.ok(cmd::NextStep{});
  REQUIRE(room.last.events.size() == 1);
  const auto& changed = std::get<ev::StepChanged>(room.last.events[0].data);
  CHECK(changed.section == 0);
  CHECK(changed.from == 0);
  CHECK(changed.to == 1);
  room.ok(cmd::NextStep{});
  room.ok(cmd::NextStep{});
  CHECK(room.state.agenda.step == 3);
  CHECK(room.code(cmd::NextStep{}) == "last-step");
  room.ok(cmd::PreviousStep{});
  CHECK(room.state.agenda.step == 2);
  room.ok(cmd::Next{});
  CHECK(room.code(cmd::NextStep{}) == "no-steps");
  CHECK(room.code(cmd::PreviousStep{}) == "no-steps");
  room.ok(cmd::End{});
  CHECK(room.code(cmd::NextStep{}) == "ended");
  CHECK(room.replayed() == room.state);
}

TEST_CASE("the step clock excludes pauses, runs past zero, and the section change starts at step 0") {
  const Session s = stepped();
  Room room(s);
  room.ok(cmd::Start{});
  Timing t = room.timing();
  CHECK(t.step == 0);
  CHECK(t.step_count == 4);
  CHECK(t.step_planned_s == 60);
  room.wait_s(30);
  room.ok(cmd::Pause{});
  room.wait_s(100);
  room.ok(cmd::Resume{});
  room.wait_s(20);
  t = room.timing();
  CHECK(t.step_elapsed_ms == 50 * kSec);
  CHECK(t.step_remaining_ms == 10 * kSec);
  room.wait_s(25);  // the step goes past zero and stays
  t = room.timing();
  CHECK(t.step == 0);
  CHECK(t.step_remaining_ms == -15 * kSec);
  room.ok(cmd::NextStep{});
  CHECK(room.state.agenda.step_started_ms == 75 * kSec);
  room.wait_s(10);
  t = room.timing();
  CHECK(t.step == 1);
  CHECK(t.step_planned_s == 120);
  CHECK(t.step_elapsed_ms == 10 * kSec);
  CHECK(t.section_elapsed_ms == 85 * kSec);

  room.ok(cmd::Next{});  // a section without steps
  t = room.timing();
  CHECK(t.step == -1);
  CHECK(t.step_count == 0);
  CHECK(room.state.agenda.step == 0);
  room.ok(cmd::Previous{});  // back to the first section: its first step, from its elapsed time
  CHECK(room.state.agenda.step == 0);
  CHECK(room.state.agenda.step_started_ms == 85 * kSec);
  room.wait_s(5);
  CHECK(room.timing().step_elapsed_ms == 5 * kSec);
  room.ok(cmd::GoTo{2});
  CHECK(room.timing().step_count == 2);
  CHECK(room.replayed() == room.state);
}

TEST_CASE("Undo restores the step, and undoing a section change restores the step left behind") {
  const Session s = stepped();
  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(60);
  room.ok(cmd::NextStep{});
  room.wait_s(30);
  room.ok(cmd::NextStep{});
  CHECK(room.state.agenda.step == 2);
  room.ok(cmd::Undo{});
  CHECK(room.state.agenda.step == 1);
  CHECK(room.state.agenda.step_started_ms == 60 * kSec);
  room.ok(cmd::Next{});
  CHECK(room.state.agenda.step == 0);
  room.ok(cmd::Undo{});
  CHECK(room.state.agenda.current == 0);
  CHECK(room.state.agenda.step == 1);
  CHECK(room.state.agenda.step_started_ms == 60 * kSec);
  CHECK(room.replayed() == room.state);
}

TEST_CASE("the step plan follows the section's plan in proportion") {
  const Session s = stepped();
  CHECK(step_plan_s(s.sections[0], 600) == std::vector<int>{60, 120, 180, 240});
  CHECK(step_plan_s(s.sections[0], 1200) == std::vector<int>{120, 240, 360, 480});
  // 7 min: 42 + 84 + 126 = 252, the last takes the rest of 420
  CHECK(step_plan_s(s.sections[0], 420) == std::vector<int>{42, 84, 126, 168});
  // 601 s: 60.1 -> 60, 120.2 -> 120, 180.3 -> 180; the last 241 (sum stays the plan)
  CHECK(step_plan_s(s.sections[0], 601) == std::vector<int>{60, 120, 180, 241});
  // steps that leave time outside keep the same share of the plan
  CHECK(step_plan_s(s.sections[2], 720) == std::vector<int>{240, 360});
  CHECK(step_plan_s(s.sections[1], 300).empty());

  Room room(s);
  room.ok(cmd::Start{});
  room.ok(cmd::Adjust{+120});  // 12 min
  room.ok(cmd::NextStep{});
  Timing t = room.timing();
  CHECK(t.step_planned_s == 144);

  room.wait_s(200);
  room.ok(cmd::UnlockPlan{0});  // the hand-set 12 min go back to rebalance
  const RebalancePlan plan = propose_rebalance(s, room.state, room.now);
  REQUIRE(plan.changes());
  room.ok(cmd::AcceptRebalance{plan.new_s, plan.cut});
  const int section_plan = room.state.agenda.planned_s[0];
  CHECK(section_plan != 720);
  t = room.timing();
  const auto steps = step_plan_s(s.sections[0], section_plan);
  CHECK(t.step_planned_s == steps[1]);
  int sum = 0;
  for (int v : steps) sum += v;
  CHECK(sum == section_plan);
  CHECK(room.replayed() == room.state);
}

TEST_CASE("step-changed is a journal event that round-trips through JSON") {
  const Event e{1234, ev::StepChanged{2, 1, 2}};
  const nlohmann::json j = to_json(e);
  CHECK(j == nlohmann::json{{"type", "step-changed"}, {"at", 1234}, {"section", 2}, {"from", 1}, {"to", 2}});
  const Event back = event_from_json(nlohmann::json::parse(j.dump()));
  REQUIRE(std::holds_alternative<ev::StepChanged>(back.data));
  const auto& c = std::get<ev::StepChanged>(back.data);
  CHECK(c.section == 2);
  CHECK(c.from == 1);
  CHECK(c.to == 2);
}

TEST_CASE("a step event that does not fit the state changes nothing") {
  const Session s = stepped();
  Room room(s);
  room.ok(cmd::Start{});
  const State before = room.state;
  State st = room.state;
  apply(s, st, Event{kT0, ev::StepChanged{0, 0, 9}});
  apply(s, st, Event{kT0, ev::StepChanged{1, 0, 1}});
  apply(s, st, Event{kT0, ev::StepChanged{0, 2, 3}});
  CHECK(st == before);
}

TEST_CASE("the public state lists the section's steps and the current one") {
  const Session s = stepped();
  Room room(s);
  auto pub = [&] { return public_state(s, room.state, room.timing(), room.now, 1); };
  nlohmann::json j = pub();
  CHECK(j["section"]["steps"].size() == 4);
  room.ok(cmd::Start{});
  room.ok(cmd::NextStep{});
  room.wait_s(30);
  j = pub();
  CHECK(j["section"]["steps"][1] == nlohmann::json{{"id", "dos"}, {"title", "Step dos"}, {"planned_s", 120}});
  const auto& step = j["section"]["step"];
  CHECK(step["index"] == 1);
  CHECK(step["count"] == 4);
  CHECK(step["id"] == "dos");
  CHECK(step["title"] == "Step dos");
  CHECK(step["text"] == "");
  CHECK(step["planned_s"] == 120);
  CHECK(step["remaining_s"] == 90);
  CHECK(step["ends_at"] == room.now + 90 * kSec);
  room.ok(cmd::Pause{});
  CHECK(pub()["section"]["step"]["ends_at"].is_null());
  room.ok(cmd::Resume{});
  room.ok(cmd::Next{});
  j = pub();
  CHECK(j["section"]["steps"].empty());
  CHECK(j["section"]["step"].is_null());
}

TEST_CASE("changed steps wait for acceptance; a step the section no longer has starts over") {
  const Session s = stepped();
  Session edited = s;
  edited.sections[0].steps = {make_step("uno", 300), make_step("dos", 300)};
  CHECK_FALSE(diff_sessions(s, edited, initial_state(s)).needs_acceptance.empty());

  Room room(s);
  room.ok(cmd::Start{});
  room.wait_s(30);
  room.ok(cmd::NextStep{});
  room.ok(cmd::NextStep{});
  room.ok(cmd::NextStep{});
  room.wait_s(10);
  Decision d = decide_reload(s, edited, room.state, "hash-2", room.now);
  REQUIRE_FALSE(d.rejected);
  State st = room.state;
  for (const auto& e : d.events) apply(edited, st, e);
  CHECK(st.agenda.step == 0);
  CHECK(st.agenda.step_started_ms == 40 * kSec);
  CHECK(derive(edited, st, room.now).step_planned_s == 300);
}
