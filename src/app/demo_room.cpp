#include "app/demo_room.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace facilita {
namespace {

constexpr const char* kNames[] = {"Ana", "Bruno", "Carmen", "Diego", "Elena", "Fernando", "Gabriela",
                                  "Héctor", "Irene", "Jorge", "Karla", "Luis", "María", "Néstor"};
static_assert(std::size(kNames) == kDemoFellows);
constexpr int kAnswering = 11;  // the last three have not answered yet
constexpr const char* kSurnames[] = {"Hernández Villalobos", "de la Garza Montemayor", "Ruiz-Esparza Olvera",
                                     "Castañeda Domínguez", "Zúñiga Bustamante"};

// Beyond the first fourteen, full names: first name and two surnames.
std::string demo_name(int i) {
  std::string name = kNames[i % kDemoFellows];
  if (i >= kDemoFellows) name += std::string(" ") + kSurnames[(i / kDemoFellows - 1) % std::size(kSurnames)];
  return name;
}

constexpr const char* kTexts[] = {
    "Falta de transparencia en la asignación de obra pública municipal",
    "Acceso al agua potable en colonias periféricas",
    "Seguridad en el transporte público nocturno",
    "Recolección de basura irregular en mi municipio",
    "Información sobre el presupuesto participativo",
};

std::string participant_id(int i) { return "demo-" + std::to_string(i + 1); }

// A plausible, fixed spread of answers: most pick the first correct option.
AnswerValue demo_answer(const Prompt& p, int i) {
  switch (p.kind) {
    case PromptKind::Text: return std::string(kTexts[i % std::size(kTexts)]);
    case PromptKind::Scale: {
      const ScaleSpec spec = p.scale.value_or(ScaleSpec{});
      static constexpr int kSteps[] = {3, 4, 4, 2, 5, 3, 4, 3, 4, 5, 2};
      return std::clamp(spec.min + kSteps[i % std::size(kSteps)] - 1, spec.min, spec.max);
    }
    case PromptKind::Multi: {
      std::vector<std::string> picked = p.correct.empty() ? std::vector<std::string>{p.options.front()} : p.correct;
      if (i % 4 == 3 && picked.size() > 1) picked.pop_back();
      if (i % 5 == 4 && p.options.size() > picked.size()) picked.push_back(p.options.back());
      std::vector<std::string> ordered;  // option order, as the engine stores it
      for (const auto& o : p.options)
        if (std::find(picked.begin(), picked.end(), o) != picked.end()) ordered.push_back(o);
      return ordered;
    }
    case PromptKind::Choice:
    case PromptKind::Poll: break;
  }
  static constexpr int kPicks[] = {0, 1, 0, 2, 1, 0, 3, 0, 1, 4, 2};
  std::size_t pick = static_cast<std::size_t>(kPicks[i % std::size(kPicks)]) % p.options.size();
  if (!p.correct.empty() && i % 3 != 2) {
    auto it = std::find(p.options.begin(), p.options.end(), p.correct.front());
    if (it != p.options.end()) pick = static_cast<std::size_t>(it - p.options.begin());
  }
  return p.options[pick];
}

}  // namespace

int demo_answering(int fellows) { return fellows == kDemoFellows ? kAnswering : fellows / 2; }

void simulate_joins(Controller& controller, Millis at, int fellows) {
  for (int i = 0; i < fellows; ++i) controller.dispatch(cmd::Join{participant_id(i), demo_name(i)}, at + i * 1000);
}

void simulate_answers(Controller& controller, int section, Millis section_start, Millis now, bool reveal, int fellows) {
  const int answering = demo_answering(fellows);
  const Session& session = controller.session();
  if (section < 0 || section >= static_cast<int>(session.sections.size())) return;
  const auto& prompts = session.sections[static_cast<std::size_t>(section)].prompts;
  if (prompts.empty()) return;
  const Prompt& prompt = prompts.front();
  controller.dispatch(cmd::OpenPrompt{prompt.id}, section_start);
  Millis span = std::max<Millis>(answering, now - section_start - 1000);
  for (int i = 0; i < answering; ++i)
    controller.dispatch(cmd::Answer{participant_id(i), prompt.id, demo_answer(prompt, i), 1},
                        section_start + span * (i + 1) / (answering + 1));
  if (reveal) {
    controller.dispatch(cmd::ClosePrompt{prompt.id}, now - 1);
    controller.dispatch(cmd::RevealPrompt{prompt.id}, now);
  }
}

void simulate_quiz(Controller& controller, int section, Millis section_start, Millis now) {
  const Session& session = controller.session();
  if (section < 0 || section >= static_cast<int>(session.sections.size())) return;
  const auto& prompts = session.sections[static_cast<std::size_t>(section)].prompts;
  if (prompts.empty()) return;
  const Millis slot = std::max<Millis>(kAnswering + 2, (now - section_start) / static_cast<Millis>(prompts.size()));
  std::int64_t seq = 100;
  for (std::size_t k = 0; k < prompts.size(); ++k) {
    const Prompt& prompt = prompts[k];
    const Millis start = section_start + slot * static_cast<Millis>(k);
    controller.dispatch(cmd::OpenPrompt{prompt.id}, start);
    for (int i = 0; i < kAnswering; ++i)
      controller.dispatch(cmd::Answer{participant_id(i), prompt.id, demo_answer(prompt, (i + static_cast<int>(k)) % kAnswering), ++seq},
                          start + 1 + i);
    controller.dispatch(cmd::RevealPrompt{prompt.id}, start + slot - 1);
  }
}

}  // namespace facilita
