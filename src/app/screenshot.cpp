#include "app/screenshot.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <nlohmann/json.hpp>
#include <stb_image_write.h>

#include <charconv>
#include <ctime>
#include <fstream>
#include <iostream>

#include "app/app_window.hpp"
#include "app/cli_text.hpp"
#include "app/controller.hpp"
#include "app/demo_room.hpp"
#include "ui/shortcuts.hpp"
#include "ui/views.hpp"

namespace facilita {
namespace {

struct Moment {
  int section = 0;
  int elapsed_s = 0;
};

bool parse_int(std::string_view text, int& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}

// SECTION_ID:MM:SS
bool parse_moment(const Session& session, const std::string& at, Moment& moment, Lang lang, std::string& error) {
  auto last = at.rfind(':');
  auto middle = last == std::string::npos || last == 0 ? std::string::npos : at.rfind(':', last - 1);
  int minutes = 0, seconds = 0;
  if (middle == std::string::npos || !parse_int(std::string_view(at).substr(middle + 1, last - middle - 1), minutes) ||
      !parse_int(std::string_view(at).substr(last + 1), seconds) || minutes < 0 || seconds < 0 || seconds > 59) {
    error = tx(lang, T::ShotAtFormat);
    return false;
  }
  std::string id = at.substr(0, middle);
  moment.section = session.find_section(id);
  if (moment.section < 0) {
    error = txf(lang, T::ShotAtNoSection, id.c_str());
    return false;
  }
  moment.elapsed_s = minutes * 60 + seconds;
  return true;
}

// A fixed, readable start time (10:00 local) so screenshots are reproducible.
Millis screenshot_t0() {
  std::tm local{};
  local.tm_year = 2026 - 1900;
  local.tm_mon = 2;
  local.tm_mday = 12;
  local.tm_hour = 10;
  local.tm_isdst = -1;
  return static_cast<Millis>(std::mktime(&local)) * 1000;
}

}  // namespace

bool parse_size(const std::string& text, int& width, int& height) {
  auto x = text.find_first_of("xX");
  if (x == std::string::npos) return false;
  if (!parse_int(std::string_view(text).substr(0, x), width) || !parse_int(std::string_view(text).substr(x + 1), height))
    return false;
  return width >= 320 && height >= 240 && width <= 7680 && height <= 4320;
}

int take_screenshot(const Session& session, ui::UiState& ui, const ScreenshotOptions& opt) {
  Moment moment;
  std::string error;
  const bool started = !opt.at.empty();
  if (started && !parse_moment(session, opt.at, moment, ui.lang, error)) {
    std::cerr << error << "\n";
    return 1;
  }
  // Nothing is journaled: the sink accepts everything and keeps nothing.
  Controller controller(session, initial_state(session), [](const std::vector<Event>&, std::string&) { return true; });
  const Millis t0 = screenshot_t0();
  Millis now = t0;
  if (opt.demo) simulate_joins(controller, t0 - 120'000, opt.demo_fellows);
  if (started) {
    controller.dispatch(cmd::Start{}, t0);
    // Every earlier section took exactly its planned time.
    for (int i = 1; i <= moment.section; ++i) {
      const Millis next_start = t0 + Millis{session.planned_start_s(static_cast<std::size_t>(i))} * 1000;
      if (opt.demo && opt.ended)  // every quiz of the earlier sections asked and revealed
        simulate_quiz(controller, i - 1, t0 + Millis{session.planned_start_s(static_cast<std::size_t>(i - 1))} * 1000,
                      next_start - 1000);
      controller.dispatch(cmd::Next{}, next_start);
    }
    Millis section_start = t0 + Millis{session.planned_start_s(static_cast<std::size_t>(moment.section))} * 1000;
    now = section_start + Millis{moment.elapsed_s} * 1000;
    // The section's steps, each moved on when its planned time was up.
    const Section& section = session.sections[static_cast<std::size_t>(moment.section)];
    if (opt.adjust_min != 0) controller.dispatch(cmd::Adjust{opt.adjust_min * 60}, section_start);
    int step_start_s = 0;
    for (int step_s : step_plan_s(section, section.duration_s)) {
      if (step_start_s > 0 && step_start_s <= moment.elapsed_s)
        controller.dispatch(cmd::NextStep{}, section_start + Millis{step_start_s} * 1000);
      step_start_s += step_s;
    }
    if (opt.demo && (opt.quiz_summary || opt.ended)) simulate_quiz(controller, moment.section, section_start, now);
    else if (opt.demo) simulate_answers(controller, moment.section, section_start, now, opt.reveal, opt.demo_fellows);
    ui.show_quiz_summary = opt.quiz_summary;
  }
  if (started && opt.paused) controller.dispatch(cmd::Pause{}, now);
  if (started && opt.ended) controller.dispatch(cmd::End{}, now);
  if (!opt.message.empty()) controller.dispatch(cmd::ShowMessage{opt.message}, now);
  if (opt.break_s > 0) controller.dispatch(cmd::StartBreak{now + Millis{opt.break_s} * 1000}, now);
  ui.now = now;
  if (opt.demo && opt.questions) {
    simulate_questions(controller, now);
    ui.questions_open = true;
  }
  if (opt.demo) {
    ui.demo_label = ui.t(ui::S::DemoData);
    // Connection health of the demo room: two phones reconnecting, one gone.
    ui.presence.known = true;
    ui.presence.connected = 11;
    ui.presence.reconnecting = 2;
    ui.presence.gone = 1;
    ui.presence.gone_ids = {"demo-14"};
    if (ui.join_url.empty()) ui.join_url = kDemoJoinUrl;
  }

  const Session& s = controller.session();
  const State& state = controller.state();
  const Timing timing = derive(s, state, now);
  if (started && opt.rebalance) ui.rebalance = propose_rebalance(s, state, now);
  ui::Dispatch ignore = [](Command) {};
  const bool projector = opt.view == "projector";
  // One screen the room sees (room_safety.hpp): the presentation, or the console
  // the facilitator chose to show there, with its banner and the projector pane.
  const bool presentation = opt.view == "presentation";
  if (presentation || opt.view == "shared-console") {
    ui.shared_screen = true;
    ui.single_window = true;
    ui.screen = presentation ? ui::ScreenMode::Presentation : ui::ScreenMode::Console;
  }
  AppWindow window(projector ? WindowRole::Projector : WindowRole::Console, "facilita screenshot",
                   WindowPlacement{0, 0, opt.width, opt.height, false}, /*visible=*/false);
  if (!window.ok()) {
    std::cerr << txf(ui.lang, T::NoGlContext, "run") << "\n";
    return 1;
  }
  ui.layout.enabled = !opt.layout.empty();
  window.set_presentation_fonts(presentation);
  int frame = 0;
  auto pixels = window.render_offscreen(opt.width, opt.height, 3, [&] {
    // ↓ as the facilitator presses it, once the first frame has laid out the pages.
    if (frame++ == 1)
      for (int i = 0; i < opt.page_down; ++i) ui::handle_shortcut(ui::KeyInput{GLFW_KEY_DOWN, 0, 0}, s, state, ignore, ui);
    ui.layout.clear();  // the last frame's
    if (projector) ui::draw_projector_window(s, state, timing, ignore, ui);
    else if (presentation) ui::draw_presentation(s, state, timing, ignore, ui);
    else ui::draw_console(s, state, timing, ignore, ui);
  });
  if (!write_png(opt.out, opt.width, opt.height, pixels, ui.lang, "run")) return 1;
  return opt.layout.empty() || write_layout(opt.layout, opt.width, opt.height, ui.layout, ui.lang) ? 0 : 1;
}

bool write_layout(const std::string& path, int width, int height, const ui::LayoutLog& log, Lang lang) {
  nlohmann::json entries = nlohmann::json::array();
  for (const ui::LayoutEntry& e : log.entries) {
    nlohmann::json j = {{"kind", e.kind}, {"name", e.name}, {"panel", e.panel}};
    if (e.kind == "list") {
      j["total"] = e.total;
      j["hidden"] = e.hidden;
    } else {
      j["box"] = {e.x0, e.y0, e.x1, e.y1};
    }
    entries.push_back(std::move(j));
  }
  std::ofstream out(path);
  out << nlohmann::json{{"width", width}, {"height", height}, {"entries", entries}}.dump(1) << "\n";
  if (!out) {
    std::cerr << txf(lang, T::ShotCannotWrite, "run", path.c_str()) << "\n";
    return false;
  }
  return true;
}

bool write_png(const std::string& path, int width, int height, std::vector<unsigned char>& pixels, Lang lang,
               const char* command) {
  if (pixels.empty()) {
    std::cerr << txf(lang, T::ShotNoFramebuffer, command) << "\n";
    return false;
  }
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;  // opaque, whatever blending left
  if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4)) {
    std::cerr << txf(lang, T::ShotCannotWrite, command, path.c_str()) << "\n";
    return false;
  }
  return true;
}

}  // namespace facilita
