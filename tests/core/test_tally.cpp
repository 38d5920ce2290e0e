// Tallies: counts and percentages, quiz correctness, scale histogram and
// mean, text answers, top words, who has not answered, quiz scores.
#include "core/tally.hpp"

#include "fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

struct Class {
  Session session;
  Room room;
  explicit Class(Session s) : session(std::move(s)), room(session) {
    room.join("p-zoe", "Zoé");
    room.join("p-ana", "Ana");
    room.join("p-beto", "Beto");
    room.join("p-carla", "Carla");
  }
  void answer(const std::string& who, const std::string& prompt, AnswerValue value) {
    if (room.state.open_prompt != prompt) room.ok(cmd::OpenPrompt{prompt});
    room.ok(cmd::Answer{who, prompt, std::move(value), ++seq});
    room.wait_s(1);
  }
  std::int64_t seq = 0;
};

Session quiz() {
  Prompt scale = make_prompt("conf", PromptKind::Scale);
  scale.scale = ScaleSpec{1, 5, {"Ninguna", "Poca", "Regular", "Bastante", "Mucha"}};
  Prompt plain = make_prompt("plain", PromptKind::Scale);
  plain.scale = ScaleSpec{0, 3, {}};
  return make_session({{600}}, {make_prompt("q1", PromptKind::Choice, {"16", "26", "32"}, {"26"}),
                                make_prompt("q2", PromptKind::Multi, {"a", "b", "c"}, {"a", "c"}),
                                make_prompt("poll", PromptKind::Poll, {"x", "y"}), scale, plain,
                                make_prompt("t", PromptKind::Text)});
}

}  // namespace

TEST_CASE("choice tally: counts, percentages, correct option, who is missing") {
  Class c(quiz());
  c.answer("p-ana", "q1", std::string("26"));
  c.answer("p-beto", "q1", std::string("16"));
  c.answer("p-zoe", "q1", std::string("26"));
  const Tally t = tally(c.session, c.room.state, "q1");
  CHECK(t.kind == PromptKind::Choice);
  CHECK(t.answered == 3);
  CHECK(t.participants == 4);
  CHECK(t.labels == std::vector<std::string>{"16", "26", "32"});
  CHECK(t.counts == std::vector<int>{1, 2, 0});
  CHECK(t.percent[1] == doctest::Approx(66.6667).epsilon(0.001));
  CHECK(t.percent[2] == 0.0);
  CHECK(t.correct == std::vector<bool>{false, true, false});
  CHECK(t.answered_correctly == 2);
  CHECK(t.not_answered == std::vector<std::string>{"p-carla"});
}

TEST_CASE("multi tally: each option counted, correct only for the exact set") {
  Class c(quiz());
  using List = std::vector<std::string>;
  c.answer("p-ana", "q2", List{"a", "c"});
  c.answer("p-beto", "q2", List{"a"});
  c.answer("p-zoe", "q2", List{"a", "b", "c"});
  const Tally t = tally(c.session, c.room.state, "q2");
  CHECK(t.counts == std::vector<int>{3, 1, 2});
  CHECK(t.percent[0] == doctest::Approx(100.0));
  CHECK(t.correct == std::vector<bool>{true, false, true});
  CHECK(t.answered_correctly == 1);
}

TEST_CASE("poll tally has no correct answers") {
  Class c(quiz());
  c.answer("p-ana", "poll", std::string("y"));
  const Tally t = tally(c.session, c.room.state, "poll");
  CHECK(t.counts == std::vector<int>{0, 1});
  CHECK(t.correct == std::vector<bool>{false, false});
  CHECK(t.answered_correctly == 0);
}

TEST_CASE("scale tally: histogram over the scale labels and mean") {
  Class c(quiz());
  c.answer("p-ana", "conf", 5);
  c.answer("p-beto", "conf", 2);
  c.answer("p-zoe", "conf", 2);
  const Tally t = tally(c.session, c.room.state, "conf");
  CHECK(t.labels == std::vector<std::string>{"Ninguna", "Poca", "Regular", "Bastante", "Mucha"});
  CHECK(t.counts == std::vector<int>{0, 2, 0, 0, 1});
  CHECK(t.mean == doctest::Approx(3.0));

  c.answer("p-ana", "plain", 0);
  c.answer("p-beto", "plain", 3);
  const Tally plain = tally(c.session, c.room.state, "plain");
  CHECK(plain.labels == std::vector<std::string>{"0", "1", "2", "3"});
  CHECK(plain.counts == std::vector<int>{1, 0, 0, 1});
  CHECK(plain.mean == doctest::Approx(1.5));
}

TEST_CASE("text tally: answers in order with names and hidden flag; top words skip hidden ones") {
  Class c(quiz());
  c.answer("p-zoe", "t", std::string("Participación ciudadana en la región"));
  c.answer("p-ana", "t", std::string("PARTICIPACIÓN y más participación, ¡ciudadana!"));
  c.answer("p-beto", "t", std::string("palabrota palabrota palabrota"));
  c.room.ok(cmd::HideAnswer{"t", "p-beto"});
  const Tally t = tally(c.session, c.room.state, "t");
  REQUIRE(t.texts.size() == 3);
  CHECK(t.texts[0].participant == "p-zoe");
  CHECK(t.texts[0].name == "Zoé");
  CHECK(t.texts[1].name == "Ana");
  CHECK(t.texts[2].hidden);
  CHECK(t.labels.empty());
  REQUIRE(t.top_words.size() >= 3);
  CHECK(t.top_words[0] == std::pair<std::string, int>{"participación", 3});
  CHECK(t.top_words[1] == std::pair<std::string, int>{"ciudadana", 2});
  CHECK(t.top_words[2] == std::pair<std::string, int>{"región", 1});
  for (const auto& [word, n] : t.top_words) {
    CHECK(word != "palabrota");
    CHECK(word != "más");  // stop word
    CHECK(word.size() >= 3);
  }
  CHECK(t.not_answered == std::vector<std::string>{"p-carla"});
}

TEST_CASE("top words: at most ten, most frequent first, ties alphabetical") {
  Class c(quiz());
  c.answer("p-ana", "t",
           std::string("uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece ñandú ñandú "
                       "the and them árbol"));
  const Tally t = tally(c.session, c.room.state, "t");
  REQUIRE(t.top_words.size() == 10);
  CHECK(t.top_words[0] == std::pair<std::string, int>{"ñandú", 2});
  CHECK(t.top_words[1].first == "cinco");
  // Byte order puts "árbol" after the ASCII words; stop words never count.
  for (const auto& [word, n] : t.top_words) CHECK((word != "árbol" && word != "them" && word != "uno"));
}

TEST_CASE("not answered is sorted by name") {
  Class c(quiz());
  const Tally t = tally(c.session, c.room.state, "q1");
  CHECK(t.answered == 0);
  CHECK(t.percent == std::vector<double>{0, 0, 0});
  CHECK(t.not_answered == std::vector<std::string>{"p-ana", "p-beto", "p-carla", "p-zoe"});
}

TEST_CASE("unknown prompt gives an empty tally") {
  Class c(quiz());
  const Tally t = tally(c.session, c.room.state, "nope");
  CHECK(t.answered == 0);
  CHECK(t.labels.empty());
}

TEST_CASE("quiz scores count correct answers per participant, everyone listed") {
  Class c(quiz());
  using List = std::vector<std::string>;
  c.answer("p-ana", "q1", std::string("26"));
  c.answer("p-beto", "q1", std::string("32"));
  c.answer("p-ana", "q2", List{"c", "a"});
  c.answer("p-beto", "q2", List{"a", "c"});
  c.answer("p-ana", "poll", std::string("x"));
  const auto scores = quiz_scores(c.session, c.room.state);
  CHECK(scores.at("p-ana") == 2);
  CHECK(scores.at("p-beto") == 1);
  CHECK(scores.at("p-zoe") == 0);
  CHECK(scores.size() == 4);
}

TEST_CASE("quiz scores on the module's real questions") {
  Class c(module_session());
  c.answer("p-ana", "q-entidades", std::string("26"));
  c.answer("p-ana", "q-voluntaria", std::string("Voluntario"));
  c.answer("p-beto", "q-entidades", std::string("32"));
  const auto scores = quiz_scores(c.session, c.room.state);
  CHECK(scores.at("p-ana") == 2);
  CHECK(scores.at("p-beto") == 0);
  const Tally t = tally(c.session, c.room.state, "q-confianza");
  CHECK(t.labels.size() == 5);
  CHECK(t.labels[0] == "Ninguna");
}
