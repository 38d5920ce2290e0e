// Body of the projector: the section's Markdown content fitted to the box, or
// the prompt being asked (options, how many answered) and, once revealed, its
// results (bars with counts and percentages, correct answers marked).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/tally.hpp"
#include "ui/draw_text.hpp"
#include "ui/layout_fit.hpp"
#include "ui/projector_parts.hpp"
#include "ui/tally_chart.hpp"
#include "ui/theme.hpp"

namespace facilita::ui {
namespace {

MdStyle projector_markdown_style(const FontSet& fonts) {
  MdStyle st;
  st.fonts = &fonts;
  st.h1_scale = fonts.sizes.h1 / fonts.sizes.body;
  st.h2_scale = fonts.sizes.h2 / fonts.sizes.body;
  st.text = theme::kProjectorText;
  st.heading = IM_COL32(255, 255, 255, 255);
  st.link = IM_COL32(150, 205, 255, 255);
  st.muted = theme::kProjectorMuted;
  st.rule = IM_COL32(120, 120, 128, 255);
  st.table_header_bg = IM_COL32(255, 255, 255, 26);
  st.line_height = 1.2f;
  st.h1_scale = std::min(st.h1_scale, 1.3f);
  st.h2_scale = std::min(st.h2_scale, 1.12f);
  return st;
}

std::string option_label(const Prompt& p, std::size_t i) {
  if (p.kind == PromptKind::Scale) {
    const ScaleSpec spec = p.scale.value_or(ScaleSpec{});
    std::string n = std::to_string(spec.min + static_cast<int>(i));
    return i < spec.labels.size() ? n + " · " + spec.labels[i] : n;
  }
  return std::string(1, static_cast<char>('A' + static_cast<int>(i % 26))) + "   " + p.options[i];
}

std::size_t option_count(const Prompt& p) {
  if (p.kind != PromptKind::Scale) return p.options.size();
  const ScaleSpec spec = p.scale.value_or(ScaleSpec{});
  return static_cast<std::size_t>(std::max(0, spec.max - spec.min + 1));
}

// Options before results: one per line, wrapped; returns the height.
float options_list(const ProjectorFrame& f, const Prompt& p, ImDrawList* dl, ImVec2 pos, float width, float px) {
  float y = 0;
  for (std::size_t i = 0; i < option_count(p); ++i) {
    y += draw_text(dl, f.fonts->body, px, ImVec2(pos.x, pos.y + y), theme::kProjectorText, option_label(p, i), width).y;
    y += px * 0.35f;
  }
  return y;
}

// Revealed text answers: in pages of as many as fit whole, in the order given;
// with more than one page the last line says which ones the room sees
// ("Respuestas 9–16 de 40 ▼") and ↑ / ↓ page them (UiState::answer_page),
// never a silent cut.
void text_answers(const ProjectorFrame& f, const std::string& prompt, const Tally& t, ImVec2 pos, ImVec2 size) {
  const float px = f.body_min;
  std::vector<std::string> lines;
  std::vector<float> heights;
  for (const TextAnswer& answer : t.texts) {
    if (answer.hidden) continue;
    lines.push_back("• " + answer.text);
    heights.push_back(text_size(f.fonts->body, px, lines.back(), size.x).y + px * 0.3f);
  }
  const std::vector<int> starts = page_starts(heights, size.y + px * 0.3f, px * 1.3f);
  UiState& ui = *f.ui;
  if (ui.answer_page_prompt != prompt) {  // another prompt: from its first answers
    ui.answer_page_prompt = prompt;
    ui.answer_page = 0;
  }
  ui.answer_pages = static_cast<int>(starts.size());
  ui.answer_page = std::clamp(ui.answer_page, 0, ui.answer_pages - 1);
  const auto page = static_cast<std::size_t>(ui.answer_page);
  const int first = starts[page];
  const int last = page + 1 < starts.size() ? starts[page + 1] : static_cast<int>(lines.size());
  ui.answer_first = lines.empty() ? 0 : first + 1;
  ui.answer_last = last;
  ui.answer_total = static_cast<int>(lines.size());
  float y = 0;
  for (int i = first; i < last; ++i) {
    const auto k = static_cast<std::size_t>(i);
    ImVec2 drawn = draw_text(f.dl, f.fonts->body, px, ImVec2(pos.x, pos.y + y), theme::kProjectorText, lines[k], size.x);
    probe_box(ui.layout, "row", "answer:" + std::to_string(i), "projector-body", ImVec2(pos.x, pos.y + y),
              ImVec2(pos.x + drawn.x, pos.y + y + drawn.y));
    y += heights[k];
  }
  const int hidden = static_cast<int>(lines.size()) - (last - first);
  probe_list(ui.layout, "projector-answers", "projector-body", static_cast<int>(lines.size()), hidden);
  if (ui.answer_pages > 1) {
    char range[96];
    std::snprintf(range, sizeof range, ui.t(S::AnswersRange), ui.answer_first, ui.answer_last, ui.answer_total);
    std::string line = std::string(range) + (ui.answer_page + 1 < ui.answer_pages ? "  ▼" : "  ▲");
    ImVec2 drawn = draw_text(f.dl, f.fonts->bold, px, ImVec2(pos.x, pos.y + y), theme::kProjectorMuted, line);
    probe_box(ui.layout, "item", "projector-answers:more", "projector-body", ImVec2(pos.x, pos.y + y),
              ImVec2(pos.x + drawn.x, pos.y + y + drawn.y));
  }
}

}  // namespace

void draw_projected_prompt(const ProjectorFrame& f, const Prompt& p, ImVec2 pos, ImVec2 size) {
  const float H = f.size.y;
  float question_px = std::max(f.body_min, H * 0.06f);
  ImVec2 q = text_size(f.fonts->large, question_px, p.text, size.x);
  if (q.y > size.y * 0.4f) {
    question_px = std::max(f.body_min, question_px * 0.8f);
    q = text_size(f.fonts->large, question_px, p.text, size.x);
  }
  draw_text(f.dl, f.fonts->large, question_px, pos, theme::kProjectorText, p.text, size.x);
  float y = q.y + f.body_min * 0.4f;

  auto found = f.state.prompts.find(p.id);
  const bool revealed = found != f.state.prompts.end() && found->second.revealed;
  const bool open = f.state.open_prompt == p.id;
  Tally t = tally(f.session, f.state, p.id);
  char answered[64];
  std::snprintf(answered, sizeof answered, f.ui->t(S::AnswersOf), t.answered, t.participants);
  std::string status = std::string(open ? "● " : "") + answered;
  draw_text(f.dl, f.fonts->bold, f.body_min, ImVec2(pos.x, pos.y + y), open ? theme::kNormal : theme::kProjectorMuted, status);
  y += f.body_min * 1.7f;

  ImVec2 area(pos.x, pos.y + y);
  float room = size.y - y;
  if (room <= f.body_min) return;
  if (revealed && p.kind == PromptKind::Text) {
    text_answers(f, p.id, t, area, ImVec2(size.x, room));
    return;
  }
  // Largest text size (between 1/25 and 1/17 of the height) at which the list fits.
  TallyChartStyle chart;
  chart.fonts = f.fonts;
  chart.text = theme::kProjectorText;
  chart.muted = theme::kProjectorMuted;
  chart.correct = theme::kCorrect;
  chart.bar = theme::kBar;
  float px = std::max(f.body_min, std::round(H / 17.0f));
  for (; px > f.body_min; px = std::max(f.body_min, px * 0.93f)) {
    chart.px = px;
    float h = revealed ? draw_tally_chart(nullptr, area, size.x, t, chart) : options_list(f, p, nullptr, area, size.x, px);
    if (h <= room) break;
  }
  chart.px = px;
  if (revealed) {
    draw_tally_chart(f.dl, area, size.x, t, chart);
    if (p.kind == PromptKind::Scale && t.answered > 0) {
      char mean[48];
      std::snprintf(mean, sizeof mean, f.ui->t(S::Mean), t.mean);
      float h = draw_tally_chart(nullptr, area, size.x, t, chart);
      draw_text(f.dl, f.fonts->bold, f.body_min, ImVec2(area.x, area.y + h), theme::kProjectorText, mean);
    }
  } else if (p.kind != PromptKind::Text) {
    options_list(f, p, f.dl, area, size.x, px);
  } else {
    draw_text(f.dl, f.fonts->body, px, area, theme::kProjectorMuted, f.ui->t(S::AnswerInBrowser), size.x);
  }
}

void draw_projected_content(const ProjectorFrame& f, ImVec2 pos, ImVec2 size) {
  const Section& section = f.session.sections[static_cast<std::size_t>(f.state.agenda.current)];
  const MdDocument& doc = f.ui->markdown.get(section.content);
  MdStyle style = projector_markdown_style(*f.fonts);
  const float min_px = f.body_min, max_px = std::max(min_px, std::round(f.size.y / 19.0f));
  ContentFitCache& cache = f.ui->content_fit["projector"];
  if (cache.doc != &doc || cache.box_w != size.x || cache.box_h != size.y || cache.min_px != min_px ||
      cache.max_px != max_px) {
    cache = ContentFitCache{&doc, size.x, size.y, min_px, max_px, fit_markdown(doc, style, size, min_px, max_px, 3)};
  }
  style.body_px = cache.fit.body_px;
  // Content longer than the box at the smallest readable size is shown in pages (↑ / ↓).
  UiState& ui = *f.ui;
  if (ui.content_page_section != f.state.agenda.current) {
    ui.content_page_section = f.state.agenda.current;
    ui.content_page = 0;
  }
  ui.content_pages = cache.fit.pages;
  ui.content_page = std::clamp(ui.content_page, 0, cache.fit.pages - 1);
  draw_markdown_columns(f.dl, pos, size, doc, style, cache.fit.columns, ui.content_page);
}

}  // namespace facilita::ui
