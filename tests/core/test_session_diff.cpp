// Hot reload, the diff: what an author's save changes live and what waits
// for the facilitator, on the real module edited in memory.
#include "reload_fixtures.hpp"

using namespace facilita;
using namespace facilita::test;

namespace {

const Session& running() { return module_session(); }
State fresh() { return initial_state(running()); }
State opened(std::initializer_list<const char*> ids) {
  State state = fresh();
  for (const char* id : ids) state.prompts[id].was_opened = true;
  return state;
}

}  // namespace

TEST_CASE("saving the same session, even with lines moved, changes nothing") {
  const std::string text = "# revisado\n\n" + module_text();
  ReloadDiff d = diff_sessions(running(), load_text(text), fresh());
  CHECK(d.identical);
  CHECK_FALSE(d.foreign);
  CHECK_FALSE(d.needs_accept());
  CHECK(d.live_changes.empty());
  CHECK(same(d.merged_live, running()));
}

TEST_CASE("titles, content and notes are live") {
  std::string text = edit_section(module_text(), "retos", "title: Retos de la iniciativa", "title: Retos");
  text = edit_section(text, "retos", "# Retos para discutir", "# Retos para discutir\n\n      Tres retos.");
  text = edit_section(text, "quiz", "Siete preguntas", "Ocho preguntas");
  const Session edited = load_text(text);
  ReloadDiff d = diff_sessions(running(), edited, fresh());
  CHECK_FALSE(d.identical);
  CHECK(listed(d.live_changes) == listed({"title of 'retos'", "content of 'retos'", "notes of 'quiz'"}));
  CHECK(d.needs_acceptance.empty());
  CHECK(same(d.merged_live, edited));
  CHECK(d.merged_live.sections[3].title == "Retos");
}

TEST_CASE("moving two minutes between sections waits for acceptance") {
  std::string text = edit_section(module_text(), "retos", "duration: 10 min", "duration: 12 min");
  text = edit_section(text, "agentes", "duration: 8 min", "duration: 6 min");
  text = edit_section(text, "agentes", "# Ustedes", "# Ustedes también");
  ReloadDiff d = diff_sessions(running(), load_text(text), fresh());
  CHECK(listed(d.needs_acceptance) ==
        listed({"duration of 'retos': 10:00 → 12:00", "duration of 'agentes': 08:00 → 06:00"}));
  CHECK(listed(d.live_changes) == listed({"content of 'agentes'"}));
  // The live part alone: old durations, new content, still a valid session.
  CHECK(d.merged_live.sections[3].duration_s == 600);
  CHECK(d.merged_live.sections[4].duration_s == 480);
  CHECK(d.merged_live.sections[4].content.find("# Ustedes también") != std::string::npos);
  std::vector<Diagnostic> problems;
  validate_session(d.merged_live, problems);
  CHECK_FALSE(has_errors(problems));
}

TEST_CASE("timing limits go with the duration they bound") {
  std::string text = edit_section(module_text(), "retos", "min: 6 min", "min: 5 min");
  text = edit_section(text, "retos", "    objectives: [retos]", "    optional: true\n    objectives: [retos]");
  ReloadDiff d = diff_sessions(running(), load_text(text), fresh());
  CHECK(listed(d.needs_acceptance) == listed({"min of 'retos': 06:00 → 05:00", "section 'retos' is now optional"}));
  CHECK(d.live_changes.empty());
  CHECK(d.merged_live.sections[3].min_s == 360);
  CHECK_FALSE(d.merged_live.sections[3].optional);
}

TEST_CASE("an added section waits; its prompts come with it") {
  std::string text = edit_section(module_text(), "quiz", "duration: 12 min", "duration: 8 min");
  text = with_section_before(text, "cierre", kExtraSection);
  ReloadDiff d = diff_sessions(running(), load_text(text), fresh());
  CHECK(listed(d.needs_acceptance) == listed({"duration of 'quiz': 12:00 → 08:00", "section 'extra' added"}));
  CHECK(d.live_changes.empty());
  CHECK(same(d.merged_live, running()));
  CHECK_FALSE(d.merged_live.find_prompt("q-extra"));
}

TEST_CASE("a removed section waits and keeps its prompts until accepted") {
  std::string text =
      edit(without_section(module_text(), "avance"), "id: m2-s3", "duration: 79 min", "duration: 71 min");
  const Session edited = load_text(text);
  ReloadDiff d = diff_sessions(running(), edited, fresh());
  CHECK(listed(d.needs_acceptance) == listed({"session duration: 79:00 → 71:00", "section 'avance' removed"}));
  CHECK(d.live_changes.empty());
  CHECK(same(d.merged_live, running()));

  // Once its poll was opened, the answers are named too.
  d = diff_sessions(running(), edited, opened({"q-etapa-entidad"}));
  CHECK(d.needs_acceptance.back() == "prompt 'q-etapa-entidad' already opened: removed (its answers are kept)");
  CHECK(d.merged_live.find_prompt("q-etapa-entidad"));
}

TEST_CASE("reordering sections waits for acceptance") {
  ReloadDiff d = diff_sessions(running(), load_text(moved_before(module_text(), "agentes", "retos")), fresh());
  CHECK(listed(d.needs_acceptance) == listed({"sections reordered"}));
  CHECK(d.live_changes.empty());
  CHECK(d.merged_live.sections[3].id == "retos");
  CHECK(d.merged_live.sections[4].id == "agentes");
}

TEST_CASE("a prompt not opened yet changes live; an opened one keeps its options until accepted") {
  std::string text = edit(module_text(), "id: q-entidades", R"(options: ["10", "16", "26", "32"])",
                          R"(options: ["12", "16", "26", "32"])");
  text = edit(text, "id: q-entidades", "¿Cuántas entidades", "¿Cuántas de las 32 entidades");
  const Session edited = load_text(text);

  ReloadDiff unopened = diff_sessions(running(), edited, fresh());
  CHECK(listed(unopened.live_changes) == listed({"prompt 'q-entidades' (not opened yet)"}));
  CHECK(unopened.needs_acceptance.empty());
  CHECK(prompt_of(unopened.merged_live, "q-entidades").options[0] == "12");

  ReloadDiff asked = diff_sessions(running(), edited, opened({"q-entidades"}));
  CHECK(listed(asked.needs_acceptance) == listed({"prompt 'q-entidades' already opened: options changed"}));
  // The wording is live: a typo fix must not wait, and answers stay valid.
  CHECK(listed(asked.live_changes) == listed({"text of prompt 'q-entidades' (already opened)"}));
  const Prompt& merged = prompt_of(asked.merged_live, "q-entidades");
  CHECK(merged.options[0] == "10");
  CHECK(merged.text.find("de las 32") != std::string::npos);

  // The open prompt counts as opened even before was_opened is read.
  State open = fresh();
  open.open_prompt = "q-entidades";
  CHECK(diff_sessions(running(), edited, open).needs_accept());

  const std::string kind = edit(module_text(), "id: q-voluntaria", "kind: choice", "kind: multi");
  CHECK(listed(diff_sessions(running(), load_text(kind), opened({"q-voluntaria"})).needs_acceptance) == listed({"prompt 'q-voluntaria' already opened: kind changed"}));
}

TEST_CASE("prompts added, removed and moved: live unless already opened") {
  Session edited = running();
  Section& quiz = edited.sections[6];
  Section& cierre = edited.sections[7];
  REQUIRE(quiz.id == "quiz");
  Prompt added = make_prompt("q-nueva", PromptKind::Poll, {"Sí", "No"});
  edited.sections[3].prompts.push_back(added);
  auto take = [&](const std::string& id) {
    auto it = std::find_if(quiz.prompts.begin(), quiz.prompts.end(), [&](const Prompt& p) { return p.id == id; });
    REQUIRE(it != quiz.prompts.end());
    Prompt p = *it;
    quiz.prompts.erase(it);
    return p;
  };
  take("q-voluntaria");
  cierre.prompts.insert(cierre.prompts.begin(), take("q-confianza"));

  ReloadDiff d = diff_sessions(running(), edited, fresh());
  CHECK(listed(d.live_changes) ==
        listed({"prompt 'q-nueva' added to 'retos'", "prompt 'q-confianza' moved to 'cierre' (not opened yet)",
                "prompt 'q-voluntaria' removed (not opened yet)"}));
  CHECK(d.needs_acceptance.empty());
  CHECK(same(d.merged_live, edited));

  d = diff_sessions(running(), edited, opened({"q-voluntaria", "q-confianza"}));
  CHECK(listed(d.live_changes) == listed({"prompt 'q-nueva' added to 'retos'"}));
  CHECK(listed(d.needs_acceptance) == listed({"prompt 'q-confianza' already opened: moved from 'quiz' to 'cierre'",
                                    "prompt 'q-voluntaria' already opened: removed (its answers are kept)"}));
  // Both stay where they were, in their old order.
  auto ids = [](const Section& s) {
    std::vector<std::string> out;
    for (const auto& p : s.prompts) out.push_back(p.id);
    return out;
  };
  CHECK(ids(d.merged_live.sections[6]) == ids(running().sections[6]));
  CHECK(listed(ids(d.merged_live.sections[7])) == listed({"q-compromiso-personal"}));
  CHECK(listed(ids(d.merged_live.sections[3])) == listed({"q-nueva"}));
}

TEST_CASE("a prompt moving into a new section waits with it") {
  Session edited = running();
  Section extra = edited.sections[7];
  extra.id = "extra";
  extra.prompts = {prompt_of(running(), "q-confianza")};
  auto& quiz = edited.sections[6].prompts;
  quiz.erase(std::remove_if(quiz.begin(), quiz.end(), [](const Prompt& p) { return p.id == "q-confianza"; }),
             quiz.end());
  edited.sections.insert(edited.sections.begin() + 7, extra);
  ReloadDiff d = diff_sessions(running(), edited, fresh());
  CHECK(listed(d.needs_acceptance) ==
        listed({"section 'extra' added", "prompt 'q-confianza' (not opened yet) moves to new section 'extra'"}));
  CHECK(d.live_changes.empty());
  CHECK(same(d.merged_live, running()));
}

TEST_CASE("another session id is refused outright") {
  const Session edited = load_text(edit(module_text(), "id: m2-s3", "m2-s3-gobierno-abierto", "m2-s4-otra"));
  ReloadDiff d = diff_sessions(running(), edited, fresh());
  CHECK(d.foreign);
  CHECK_FALSE(d.identical);
  CHECK(listed(d.needs_acceptance) == listed({"session id changed: 'm2-s3-gobierno-abierto' → 'm2-s4-otra'"}));
  CHECK(d.live_changes.empty());
  CHECK(same(d.merged_live, running()));
}

TEST_CASE("session title, objective and language are live") {
  std::string text = edit(module_text(), "title:", "Módulo 2", "Módulo II");
  text = edit(text, "language:", "language: es", "language: en");
  ReloadDiff d = diff_sessions(running(), load_text(text), fresh());
  CHECK(listed(d.live_changes) == listed({"session title", "session language: es → en"}));
  CHECK(d.needs_acceptance.empty());
  CHECK(d.merged_live.language == "en");
}
