#include "sim.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace facilita::sim {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_text(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) throw std::runtime_error("cannot write " + path);
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = std::string(base && *base ? base : "/tmp") + "/facilita-test-XXXXXX";
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::string module_text() { return read_text(std::string(FACILITA_SOURCE_DIR) + "/" + kModulePath); }

Driver::Driver(Journal& journal, JournalSession js, Millis now_)
    : now(now_), js_(std::move(js)), session_(js_.session()), state_(js_.state()) {
  last_seq_ = journal.delivery(js_.delivery_id())->last_seq;
}

Decision Driver::dispatch(const Command& command) {
  Decision d = decide(session_, state_, command, now);
  if (d.rejected) throw std::runtime_error("rejected: " + d.rejected->code + ": " + d.rejected->message);
  if (d.events.empty()) return d;
  std::string error;
  if (!js_.append(d.events, error)) throw std::runtime_error("append failed: " + error);
  last_seq_ += static_cast<std::int64_t>(d.events.size());
  for (const auto& e : d.events) apply(session_, state_, e);
  return d;
}

std::vector<Fellow> fellows() {
  return {{"tok-ana-0001", "Ana"},
          {"tok-beto-0002", "Beto <b>"},
          {"tok-carla-0003", "Carla, MX"},
          {"tok-dana-0004", "Dana \"D\""}};
}

AnswerValue answer_for(const Prompt& prompt, int k) {
  switch (prompt.kind) {
    case PromptKind::Choice:
    case PromptKind::Poll: return prompt.options[static_cast<std::size_t>(k) % prompt.options.size()];
    case PromptKind::Multi:
      return std::vector<std::string>{prompt.options[0],
                                      prompt.options[1 + static_cast<std::size_t>(k) % (prompt.options.size() - 1)]};
    case PromptKind::Scale: {
      int lo = prompt.scale ? prompt.scale->min : 1, hi = prompt.scale ? prompt.scale->max : 5;
      return lo + k % (hi - lo + 1);
    }
    case PromptKind::Text: return "idea " + std::to_string(k) + ", with a comma and \"quotes\"\nand a second line";
  }
  return std::string();
}

Ran run_delivery(Journal& journal, const std::string& session_text, const Script& script) {
  Driver d(journal, JournalSession::start(journal, session_text, kModulePath, script.start), script.start);
  d.dispatch(cmd::Start{});
  auto people = fellows();
  for (const auto& f : people) d.dispatch(cmd::Join{f.id, f.name});
  std::int64_t seq = 0;
  const auto& sections = d.session().sections;
  for (std::size_t i = 0; i < sections.size(); ++i) {
    Millis section_start = d.now;
    for (const auto& prompt : sections[i].prompts) {
      d.now += 1000;
      d.dispatch(cmd::OpenPrompt{prompt.id});
      for (std::size_t k = 0; k < people.size(); ++k) {
        d.now += 1500;
        d.dispatch(cmd::Answer{people[k].id, prompt.id, answer_for(prompt, static_cast<int>(k)), ++seq});
      }
      d.now += 1000;
      d.dispatch(cmd::ClosePrompt{prompt.id});
      d.dispatch(cmd::RevealPrompt{prompt.id});
    }
    if (static_cast<int>(i) == script.stop_in_section) return {d.journal_session().delivery_id(), d.state(), d.now};
    int overrun = i < script.overrun_s.size() ? script.overrun_s[i] : 0;
    d.now = section_start + static_cast<Millis>(sections[i].duration_s + overrun) * 1000;
    if (i + 1 < sections.size()) d.dispatch(cmd::Next{});
  }
  d.dispatch(cmd::End{});
  return {d.journal_session().delivery_id(), d.state(), d.now};
}

}  // namespace facilita::sim
