// The facilitator guide: title, objectives, the plan with clock times, then
// every section (time window, content, steps, notes, prompts with the correct
// answers) and the coverage of objectives by sections and prompts.
#include "core/mastery.hpp"
#include "print/documents.hpp"
#include "print/markdown_pdf.hpp"

namespace facilita::print {
namespace {

const char* kind_text(Lang lang, PromptKind kind) {
  switch (kind) {
    case PromptKind::Choice: return tr(lang, Str::KindChoice);
    case PromptKind::Multi: return tr(lang, Str::KindMulti);
    case PromptKind::Scale: return tr(lang, Str::KindScale);
    case PromptKind::Text: return tr(lang, Str::KindText);
    case PromptKind::Poll: return tr(lang, Str::KindPoll);
  }
  return "";
}

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : sep) + item;
  return out;
}

TextStyle muted() {
  TextStyle s;
  s.size_pt = 9.5;
  s.color[0] = s.color[1] = s.color[2] = 0.38;
  return s;
}

void title_block(PdfWriter& out, const Session& s, Lang lang, Str kind) {
  out.heading(escape_markup(s.title), 1, 80);
  TextStyle sub = muted();
  sub.size_pt = 10.5;
  out.paragraph(escape_markup(std::string(tr(lang, kind)) + " · " + s.id + " · " + minutes_text(s.duration_s)), sub);
  if (!s.objective.empty()) {
    out.heading(tr(lang, Str::Objective), 3, 30);
    out.paragraph(escape_markup(s.objective));
  }
}

void prompt_block(PdfWriter& out, const Section& section, const Prompt& p, Lang lang, int number) {
  std::string head = "<b>" + std::to_string(number) + ". " + escape_markup(p.text) + "</b>";
  // Keep a prompt with its options on one page.
  int rows = static_cast<int>(p.options.size()) + (p.scale || p.kind == PromptKind::Text ? 1 : 0);
  out.need(std::min(50.0 + 17.0 * rows, 400.0));
  out.paragraph(head);
  std::string meta = std::string(kind_text(lang, p.kind)) + " · " + p.id;
  const auto& objs = prompt_objectives(section, p);
  if (!objs.empty()) meta += " · " + std::string(tr(lang, Str::Objectives)) + ": " + joined(objs);
  out.paragraph(escape_markup(meta), muted());
  for (std::size_t i = 0; i < p.options.size(); ++i) {
    bool correct = std::find(p.correct.begin(), p.correct.end(), p.options[i]) != p.correct.end();
    std::string marker = std::string(1, static_cast<char>('A' + i % 26)) + ".";
    std::string text = escape_markup(p.options[i]);
    if (correct)
      text = "<span foreground=\"#17692f\"><b>" + text + "  ✔ " + escape_markup(tr(lang, Str::CorrectMark)) +
             "</b></span>";
    out.list_item(marker, text, 1);
  }
  if (p.scale) {
    std::string range = fill_in(fill_in(tr(lang, Str::ScaleRange), "min", std::to_string(p.scale->min)), "max",
                             std::to_string(p.scale->max));
    if (!p.scale->labels.empty()) range += " (" + joined(p.scale->labels, " … ") + ")";
    out.list_item("•", escape_markup(range), 1);
  }
  if (p.kind == PromptKind::Text) out.list_item("•", escape_markup(tr(lang, Str::OpenAnswer)), 1);
  out.space(6);
}

}  // namespace

std::unique_ptr<PdfWriter> build_guide(const Session& s, const GuideOptions& o) {
  Lang lang = o.lang;
  PageSetup setup;
  setup.paper = o.paper;
  setup.footer_left = s.title + " · " + tr(lang, Str::GuideTitle);
  setup.page_label = tr(lang, Str::PageOf);
  setup.lang = lang;
  auto out = std::make_unique<PdfWriter>(setup);
  title_block(*out, s, lang, Str::GuideTitle);

  out->heading(tr(lang, Str::Objectives), 3, 30);
  if (s.objectives.empty()) out->paragraph(escape_markup(tr(lang, Str::NoObjectives)));
  for (const auto& obj : s.objectives)
    out->list_item("•", escape_markup(obj.text) + " <span foreground=\"#777777\">(" + escape_markup(obj.id) + ")</span>", 1);

  // The plan.
  out->heading(tr(lang, Str::Plan), 2);
  std::vector<std::vector<std::string>> plan{{"#", escape_markup(tr(lang, Str::TimeWindow)),
                                              escape_markup(tr(lang, Str::Duration)),
                                              escape_markup(tr(lang, Str::Section))}};
  for (std::size_t i = 0; i < s.sections.size(); ++i) {
    const auto& sec = s.sections[i];
    int start = s.planned_start_s(i);
    std::string title = escape_markup(sec.title);
    if (sec.optional) title += " <i>(" + escape_markup(tr(lang, Str::Optional)) + ")</i>";
    if (sec.fixed) title += " <i>(" + escape_markup(tr(lang, Str::Fixed)) + ")</i>";
    plan.push_back({std::to_string(i + 1), plan_time(o.start_s, start) + "–" + plan_time(o.start_s, start + sec.duration_s),
                    escape_markup(minutes_text(sec.duration_s)), title});
  }
  plan.push_back({"", "<b>" + plan_time(o.start_s, 0) + "–" + plan_time(o.start_s, s.duration_s) + "</b>",
                  "<b>" + escape_markup(minutes_text(s.duration_s)) + "</b>",
                  "<b>" + escape_markup(tr(lang, Str::Total)) + "</b>"});
  out->table(plan, {{true}, {false}, {true}, {false}});

  // The sections.
  int prompt_number = 0;
  for (std::size_t i = 0; i < s.sections.size(); ++i) {
    const auto& sec = s.sections[i];
    int start = s.planned_start_s(i);
    out->page_break();
    out->heading(escape_markup(std::to_string(i + 1) + ". " + sec.title), 2);
    std::string window = plan_time(o.start_s, start) + "–" + plan_time(o.start_s, start + sec.duration_s) + " · " +
                         minutes_text(sec.duration_s);
    if (!sec.objectives.empty()) window += " · " + std::string(tr(lang, Str::Objectives)) + ": " + joined(sec.objectives);
    TextStyle w = muted();
    w.size_pt = 10.5;
    out->paragraph(escape_markup(window), w);
    if (!sec.content.empty()) {
      out->heading(tr(lang, Str::Content), 3, 30);
      render_markdown(*out, sec.content, 4);
    }
    if (!sec.steps.empty()) {
      out->heading(tr(lang, Str::Steps), 3, 40);
      std::vector<std::vector<std::string>> rows{{escape_markup(tr(lang, Str::TimeWindow)),
                                                  escape_markup(tr(lang, Str::Steps)),
                                                  escape_markup(tr(lang, Str::Duration))}};
      int t = start;
      for (const auto& step : sec.steps) {
        std::string text = "<b>" + escape_markup(step.title) + "</b>";
        if (!step.text.empty()) text += "\n" + escape_markup(step.text);
        rows.push_back({plan_time(o.start_s, t) + "–" + plan_time(o.start_s, t + step.duration_s), text,
                        escape_markup(minutes_text(step.duration_s))});
        t += step.duration_s;
      }
      out->table(rows, {{false}, {false}, {true}});
    }
    if (!sec.notes.empty()) {
      out->heading(tr(lang, Str::Notes), 3, 30);
      render_markdown(*out, sec.notes, 4);
    }
    if (!sec.prompts.empty()) {
      out->heading(tr(lang, Str::Prompts), 3, 50);
      for (const auto& p : sec.prompts) prompt_block(*out, sec, p, lang, ++prompt_number);
    }
  }

  // Coverage: objectives × sections, and the prompts tied to each objective.
  out->page_break();
  out->heading(tr(lang, Str::Coverage), 2);
  std::vector<std::vector<std::string>> cov{{escape_markup(tr(lang, Str::Objective))}};
  for (std::size_t i = 0; i < s.sections.size(); ++i) cov[0].push_back(std::to_string(i + 1));
  cov[0].push_back(escape_markup(tr(lang, Str::PromptsTied)));
  std::vector<TableColumn> columns{{false}};
  for (const auto& obj : s.objectives) {
    std::vector<std::string> row{"<b>" + escape_markup(obj.id) + "</b>\n" + escape_markup(obj.text)};
    std::vector<std::string> prompts;
    for (const auto& sec : s.sections) {
      bool covers = std::find(sec.objectives.begin(), sec.objectives.end(), obj.id) != sec.objectives.end();
      row.push_back(covers ? "●" : "");
      for (const auto& p : sec.prompts) {
        const auto& objs = prompt_objectives(sec, p);
        if (std::find(objs.begin(), objs.end(), obj.id) != objs.end()) prompts.push_back(p.id);
      }
    }
    row.push_back(escape_markup(prompts.empty() ? "—" : joined(prompts)));
    cov.push_back(std::move(row));
  }
  out->table(cov, columns);
  std::string legend;
  for (std::size_t i = 0; i < s.sections.size(); ++i)
    legend += (legend.empty() ? "" : " · ") + std::to_string(i + 1) + " " + s.sections[i].title;
  out->paragraph(escape_markup(legend), muted());
  return out;
}

}  // namespace facilita::print
