// Event and answer JSON: every event type round-trips; bad input is refused
// with a message naming the type and field.
#include <doctest/doctest.h>

#include <set>

#include "core/event_json.hpp"

using namespace facilita;
using nlohmann::json;

namespace {

// One sample per EventData alternative, fields set to non-default values.
EventData sample(std::size_t index) {
  switch (index) {
    case 0: return ev::Started{};
    case 1: return ev::Paused{};
    case 2: return ev::Resumed{};
    case 3: return ev::SectionChanged{2, 5};
    case 4: return ev::Adjusted{3, -90};
    case 5: return ev::Rebalanced{{300, 240, 600}, {4, 6}};
    case 6: return ev::Undone{};
    case 7: return ev::PromptOpened{"q-entidades"};
    case 8: return ev::PromptClosed{"q-entidades"};
    case 9: return ev::PromptRevealed{"q-entidades"};
    case 10: return ev::AnswerHidden{"q-problema", "tok-1"};
    case 11: return ev::Joined{"tok-1", "Ana «la de Oaxaca» \"A\""};
    case 12: return ev::Answered{"tok-1", "q-avance", std::vector<std::string>{"16 STL", "10 PAL"}, 7};
    case 13: return ev::OutageRecorded{1'700'000'000'000, 1'700'000'090'500};
    case 14: return ev::OutagePaused{1'700'000'000'000, 1'700'000'090'500};
    case 15: return ev::Ended{};
    case 16: return ev::SessionReloaded{std::string(64, 'a'), {0, 1, -1, 3}, {300, 720, 120, 600}};
    case 17: return ev::RoundStarted{"q-entidades"};
    case 18: return ev::StepChanged{4, 1, 2};
    case 19: return ev::MessageShown{"Regresamos en 5 minutos «café»"};
    case 20: return ev::MessageCleared{};
    case 21: return ev::BreakStarted{1'700'000'600'000};
    case 22: return ev::BreakEnded{};
    case 23: return ev::Asked{"qa-3", "tok-2", "¿Qué pasa si \"no\" hay PAL?", false, 11};
    case 24: return ev::Upvoted{"qa-3", "tok-1", 12};
    case 25: return ev::QuestionModerated{"qa-3", "approve"};
    case 26: return ev::QuestionProjected{"qa-3"};
    case 27: return ev::ModerationSet{false};
    case 28: return ev::PlanUnlocked{3};
    case 29: return ev::AnswerUnhidden{"q-problema", "tok-1"};
    case 30: return ev::ProjectorShown{ProjectorView::Content};
    default: FAIL("no sample for event index " << index); return ev::Started{};
  }
}

Event round_trip(const Event& e) { return event_from_json(json::parse(to_json(e).dump())); }

std::string error_of(const json& j) {
  try {
    event_from_json(j);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("every event type round-trips through JSON with a stable, distinct type name") {
  std::set<std::string> names;
  for (std::size_t i = 0; i < std::variant_size_v<EventData>; ++i) {
    Event e{1'700'000'123'456 + static_cast<Millis>(i), sample(i)};
    CAPTURE(i);
    REQUIRE(e.data.index() == i);
    Event back = round_trip(e);
    CHECK(back.at == e.at);
    CHECK(back.data.index() == i);
    CHECK(to_json(back) == to_json(e));
    names.insert(event_type_name(e.data));
    CHECK(to_json(e)["type"] == event_type_name(e.data));
  }
  CHECK(names.size() == std::variant_size_v<EventData>);
}

TEST_CASE("type names and field names are the journal format") {
  CHECK(to_json(Event{5, ev::Started{}}) == json{{"type", "started"}, {"at", 5}});
  CHECK(to_json(Event{5, ev::SectionChanged{1, 2}}) == json{{"type", "section-changed"}, {"at", 5}, {"from", 1}, {"to", 2}});
  CHECK(to_json(Event{5, ev::Answered{"p", "q", 4, 9}}) ==
        json{{"type", "answered"}, {"at", 5}, {"participant", "p"}, {"prompt", "q"}, {"value", 4}, {"seq", 9}});
}

TEST_CASE("answer values: string, list of strings, integer") {
  for (const AnswerValue& v : {AnswerValue{std::string("26")}, AnswerValue{std::vector<std::string>{"a", "b"}},
                               AnswerValue{std::vector<std::string>{}}, AnswerValue{-3}, AnswerValue{5}}) {
    AnswerValue back = answer_value_from_json(json::parse(to_json(v).dump()));
    CHECK(back == v);
  }
  CHECK(to_json(AnswerValue{4}).is_number_integer());
  CHECK_THROWS_WITH_AS(answer_value_from_json(json(2.5)), doctest::Contains("not number"), std::runtime_error);
  CHECK_THROWS_WITH_AS(answer_value_from_json(json(true)), doctest::Contains("not boolean"), std::runtime_error);
  CHECK_THROWS_WITH_AS(answer_value_from_json(json::parse("[1]")), doctest::Contains("strings"), std::runtime_error);
  CHECK_THROWS_WITH_AS(answer_value_from_json(json(4'000'000'000LL)), doctest::Contains("out of range"),
                       std::runtime_error);
  CHECK_THROWS_AS(answer_value_from_json(json(nullptr)), std::runtime_error);
}

TEST_CASE("bad event JSON is refused with a message naming the type and field") {
  CHECK(error_of(json::array()).find("must be a JSON object") != std::string::npos);
  CHECK(error_of(json{{"at", 1}}).find("no string field 'type'") != std::string::npos);
  CHECK(error_of(json{{"type", "exploded"}, {"at", 1}}) == "unknown event type 'exploded'");
  CHECK(error_of(json{{"type", "started"}}) == "event 'started': missing field 'at'");
  CHECK(error_of(json{{"type", "started"}, {"at", "noon"}}) == "event 'started': field 'at' must be an integer, not string");
  CHECK(error_of(json{{"type", "section-changed"}, {"at", 1}, {"from", 1}}) ==
        "event 'section-changed': missing field 'to'");
  CHECK(error_of(json{{"type", "section-changed"}, {"at", 1}, {"from", 1}, {"to", 1e12}}).find("field 'to'") !=
        std::string::npos);
  CHECK(error_of(json{{"type", "section-changed"}, {"at", 1}, {"from", 1}, {"to", 5'000'000'000LL}}) ==
        "event 'section-changed': field 'to' is out of range");
  CHECK(error_of(json{{"type", "joined"}, {"at", 1}, {"participant", 7}, {"name", "x"}}) ==
        "event 'joined': field 'participant' must be a string, not number");
  CHECK(error_of(json{{"type", "rebalanced"}, {"at", 1}, {"durations_s", {1, "x"}}, {"cut", json::array()}})
            .find("field 'durations_s' must be an integer") != std::string::npos);
  CHECK(error_of(json{{"type", "answered"}, {"at", 1}, {"participant", "p"}, {"prompt", "q"}, {"value", 1.5}, {"seq", 1}})
            .find("event 'answered': field 'value'") != std::string::npos);
}

TEST_CASE("fields this version does not know are ignored") {
  Event e = event_from_json(json{{"type", "paused"}, {"at", 3}, {"by", "phone"}});
  CHECK(std::holds_alternative<ev::Paused>(e.data));
  CHECK(e.at == 3);
}
