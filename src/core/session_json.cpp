#include "core/session_json.hpp"

namespace facilita {

nlohmann::json to_json(const Prompt& p, bool include_answers) {
  nlohmann::json j{{"id", p.id}, {"kind", to_string(p.kind)}, {"text", p.text}};
  if (!p.options.empty()) j["options"] = p.options;
  if (include_answers && !p.correct.empty()) j["correct"] = p.correct;
  if (p.scale) j["scale"] = {{"min", p.scale->min}, {"max", p.scale->max}, {"labels", p.scale->labels}};
  if (p.time_s) j["time_s"] = p.time_s;
  return j;
}

nlohmann::json to_json(const Session& s) {
  nlohmann::json sections = nlohmann::json::array();
  for (std::size_t i = 0; i < s.sections.size(); ++i) {
    const auto& sec = s.sections[i];
    nlohmann::json prompts = nlohmann::json::array();
    for (const auto& p : sec.prompts) prompts.push_back(to_json(p, true));
    sections.push_back({{"id", sec.id},
                        {"title", sec.title},
                        {"duration_s", sec.duration_s},
                        {"planned_start_s", s.planned_start_s(i)},
                        {"min_s", sec.effective_min_s()},
                        {"max_s", sec.effective_max_s()},
                        {"fixed", sec.fixed},
                        {"optional", sec.optional},
                        {"objectives", sec.objectives},
                        {"content", sec.content},
                        {"notes", sec.notes},
                        {"prompts", prompts}});
  }
  nlohmann::json objectives = nlohmann::json::array();
  for (const auto& o : s.objectives) objectives.push_back({{"id", o.id}, {"text", o.text}});
  return {{"id", s.id},
          {"title", s.title},
          {"language", s.language},
          {"duration_s", s.duration_s},
          {"objective", s.objective},
          {"objectives", objectives},
          {"sections", sections}};
}

}  // namespace facilita
