// `facilita check FILE…`: validate sessions and show their timing plan.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>

#include "app/cli_lang.hpp"
#include "app/cli_help.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "app/source_file.hpp"
#include "core/mastery.hpp"
#include "core/duration.hpp"
#include "core/loader.hpp"
#include "core/session_json.hpp"

namespace facilita {
namespace {

struct CheckOptions {
  std::vector<std::string> files;
  bool json = false;
  bool strict = false;
  bool quiet = false;
  std::string lang;  // "" = the session's, else the locale's
};

void print_plan(const Session& s, Lang lang) {
  std::printf("%s\n", s.title.c_str());
  std::printf("%s\n\n", txf(lang, T::PlanIdLine, s.id.c_str(), s.language.c_str(), s.sections.size()).c_str());
  std::printf("  %-3s %s %s %s %s\n", "#", pad(tx(lang, T::ColStart), 6).c_str(), pad(tx(lang, T::ColDuration), 8).c_str(),
              pad(tx(lang, T::ColRebalance), 13).c_str(), tx(lang, T::ColSection));
  for (std::size_t i = 0; i < s.sections.size(); ++i) {
    const auto& sec = s.sections[i];
    std::string range =
        sec.fixed ? tx(lang, T::Fixed) : format_clock(sec.effective_min_s()) + "-" + format_clock(sec.effective_max_s());
    std::string extra = sec.optional ? std::string("  ") + tx(lang, T::OptionalMark) : "";
    if (!sec.prompts.empty()) extra += "  " + txf(lang, T::PromptCount, sec.prompts.size());
    std::printf("  %-3zu %-6s %-8s %s %s (%s)%s\n", i + 1, format_clock(s.planned_start_s(i)).c_str(),
                format_clock(sec.duration_s).c_str(), pad(range, 13).c_str(), sec.title.c_str(), sec.id.c_str(),
                extra.c_str());
    int step_start = s.planned_start_s(i);
    for (std::size_t k = 0; k < sec.steps.size(); ++k) {  // indented under their section
      const auto& step = sec.steps[k];
      std::printf("  %-3s %-6s %-8s %-13s   %zu. %s (%s)\n", "", format_clock(step_start).c_str(),
                  format_clock(step.duration_s).c_str(), "", k + 1, step.title.c_str(), step.id.c_str());
      step_start += step.duration_s;
    }
  }
  std::printf("      %s %-8s\n\n", pad(tx(lang, T::Total), 6).c_str(), format_clock(s.duration_s).c_str());

  std::map<std::string, int> by_kind;
  int total = 0, quiz = 0;
  for (const auto& sec : s.sections)
    for (const auto& p : sec.prompts) {
      ++by_kind[to_string(p.kind)];
      ++total;
      quiz += p.correct.empty() ? 0 : 1;
    }
  std::string kinds;
  for (const auto& [kind, n] : by_kind) kinds += (kinds.empty() ? "" : ", ") + kind + " " + std::to_string(n);
  std::string kinds_text = total ? " (" + kinds + ")" : "";
  std::printf("%s\n", txf(lang, T::PromptsLine, total, kinds_text.c_str(), quiz).c_str());

  std::printf("%s\n", tx(lang, T::ObjectivesLabel));
  for (const auto& o : s.objectives) {
    std::string covered;
    for (const auto& sec : s.sections)
      for (const auto& id : sec.objectives)
        if (id == o.id) covered += (covered.empty() ? "" : ", ") + sec.id;
    int quizzes = 0;  // quiz prompts tied to it (mastery per objective)
    for (const auto& sec : s.sections)
      for (const auto& p : sec.prompts)
        if (is_quiz(p)) {
          const auto& ids = prompt_objectives(sec, p);
          quizzes += std::find(ids.begin(), ids.end(), o.id) != ids.end() ? 1 : 0;
        }
    std::string quiz_note = quizzes ? txf(lang, T::QuizPrompts, quizzes) : tx(lang, T::NoQuizPrompt);
    std::printf("  %-28s %s · %s\n", o.id.c_str(), covered.empty() ? tx(lang, T::NotCovered) : covered.c_str(),
                quiz_note.c_str());
  }
}

// One diagnostic for `check --json`: every note carries its own place.
nlohmann::json diagnostic_json(const Diagnostic& d, Lang lang) {
  nlohmann::json notes = nlohmann::json::array();
  const auto texts = diagnostic_notes(d, lang);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    bool own = i < d.note_pos.size() && d.note_pos[i].line > 0;
    notes.push_back({{"line", own ? d.note_pos[i].line : d.line},
                     {"col", own ? d.note_pos[i].col : d.col},
                     {"message", texts[i]}});
  }
  return {{"line", d.line}, {"col", d.col}, {"message", diagnostic_message(d, lang)}, {"notes", notes}};
}

int check_one(const std::string& path, const CheckOptions& opt, nlohmann::json& json_out) {
  nlohmann::json report = {{"file", path}, {"ok", false}, {"errors", nlohmann::json::array()},
                           {"warnings", nlohmann::json::array()}};
  std::string io_error;
  auto file = read_source_file(path, io_error, command_lang(opt.lang));
  if (!file) {
    std::cerr << io_error << "\n";
    report["errors"].push_back({{"line", 0}, {"col", 0}, {"message", io_error}, {"notes", nlohmann::json::array()}});
    json_out.push_back(report);
    return kExitInvalid;
  }
  auto result = load_session(file->text);
  const Lang lang = command_lang(opt.lang, language_line(file->text));
  int warnings = 0, errors = 0;
  for (const auto& d : result.diagnostics) {
    std::cerr << format_diagnostic(path, d, lang);
    (d.severity == Severity::Error ? errors : warnings)++;
    report[d.severity == Severity::Error ? "errors" : "warnings"].push_back(diagnostic_json(d, lang));
  }
  const bool failed = errors || !result.ok() || (warnings && opt.strict);
  report["ok"] = !failed;
  if (result.session) report["session"] = to_json(*result.session);
  json_out.push_back(report);
  if (errors || !result.ok()) {
    std::cerr << txf(lang, T::ErrorsWarnings, path.c_str(), errors, warnings) << "\n";
    return kExitInvalid;
  }
  if (!opt.json && !opt.quiet) print_plan(*result.session, lang);
  if (failed) {  // --strict: the warnings are the reason
    std::fflush(stdout);  // after the plan, as the last line
    std::cerr << txf(lang, T::StrictFailed, path.c_str(), warnings) << "\n";
    return kExitInvalid;
  }
  if (!opt.json && !opt.quiet) {
    if (warnings) std::printf("%s\n", txf(lang, T::WarningsCount, warnings).c_str());
    std::printf("%s\n\n", txf(lang, T::FileOk, path.c_str()).c_str());
  }
  return kExitOk;
}

}  // namespace

CommandRunner add_check_command(CLI::App& app, Lang help) {
  auto opt = std::make_shared<CheckOptions>();
  auto* cmd = app.add_subcommand("check", hx(help, H::CheckAbout));
  cmd->add_option("files", opt->files, hx(help, H::CheckFiles))->required();
  cmd->add_flag("--json", opt->json, hx(help, H::CheckJson));
  cmd->add_flag("--strict", opt->strict, hx(help, H::CheckStrict));
  cmd->add_flag("-q,--quiet", opt->quiet, hx(help, H::CheckQuiet));
  cmd->add_option("--lang", opt->lang, hx(help, H::LangFlag))->check(CLI::IsMember({"es", "en"}));
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    int status = kExitOk;
    nlohmann::json json_out = nlohmann::json::array();
    for (const auto& path : opt->files) status = std::max(status, check_one(path, *opt, json_out));
    if (opt->json) std::cout << (json_out.size() == 1 ? json_out[0] : json_out).dump(2) << "\n";
    return status;
  };
}

}  // namespace facilita
