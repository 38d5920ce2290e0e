// `facilita edit FILE`: the author view. Watches FILE (inotify on its
// directory, see file_watcher.hpp), validates every save with load_session and
// shows errors and warnings (click: copy FILE:LINE:COL), a timing bar, the
// objective coverage, a projector preview of the selected section (the last
// valid version while the file is invalid) and a rehearsal on a simulated
// clock. With --screenshot renders the window once to a PNG instead.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include "app/app_window.hpp"
#include "app/cli_help.hpp"
#include "app/cli_lang.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "app/file_watcher.hpp"
#include "app/rehearsal.hpp"
#include "app/screenshot.hpp"
#include "app/source_file.hpp"
#include "core/loader.hpp"
#include "app/print_documents.hpp"
#include "ui/author_views.hpp"

namespace facilita {
namespace {

struct EditOptions {
  std::string file;
  std::string lang;
  std::string screenshot;
  std::string size = "1920x1080";
  std::string section;  // preview this section (id) first
  std::string saved;    // with --screenshot: then this file's text, as if saved over FILE
};

Millis steady_now() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// Reads and validates the file into `author`; keeps the last valid version
// and the previewed section (by id) when the new one does not load.
// GLFW says why it did not start through this callback: kept for the one-line error.
std::string g_edit_glfw_error;
void remember_edit_glfw_error(int, const char* description) { g_edit_glfw_error = description ? description : ""; }

void load_into(ui::AuthorState& author, Lang lang, const std::string& source = {}) {
  std::string error;
  auto file = read_source_file(source.empty() ? author.path : source, error, lang);
  ++author.generation;
  if (!file) {  // mid-rename, or removed: report it like a load error
    author.valid = false;
    author.diagnostics = {make_diagnostic(Severity::Error, 0, 0, literal(error))};
    author.draft.reset();
    return;
  }
  LoadResult result = load_session(file->text);
  std::string selected_id;
  if (author.last_valid && author.selected >= 0 && author.selected < static_cast<int>(author.last_valid->sections.size()))
    selected_id = author.last_valid->sections[static_cast<std::size_t>(author.selected)].id;
  author.diagnostics = std::move(result.diagnostics);
  author.valid = result.ok();
  author.draft = std::move(result.draft);
  if (result.session) {
    author.last_valid = std::move(result.session);
    int index = selected_id.empty() ? -1 : author.last_valid->find_section(selected_id);
    author.selected = std::max(0, index);
  }
}

ui::UiState make_ui(const EditOptions& opt, const ui::AuthorState& author) {
  ui::UiState ui;
  std::string lang = opt.lang;
  if (lang.empty() && author.last_valid) lang = author.last_valid->language;
  if (lang.empty() && author.draft) lang = author.draft->language;
  ui.lang = command_lang(lang);
  ui.single_window = true;
  return ui;
}

int screenshot(const EditOptions& opt, ui::AuthorState& author, ui::UiState& ui) {
  int width = 0, height = 0;
  if (!parse_size(opt.size, width, height)) {
    std::cerr << txf(ui.lang, T::SizeWanted, opt.size.c_str(), "1280x720") << "\n";
    return kExitUsage;
  }
  AppWindow window(WindowRole::Console, "facilita edit screenshot", WindowPlacement{0, 0, width, height, false}, false);
  if (!window.ok()) {
    std::cerr << txf(ui.lang, T::NoGlContext, "edit") << "\n";
    return kExitInvalid;
  }
  auto pixels = window.render_offscreen(width, height, 3, [&] { ui::draw_author(author, ui); });
  if (!write_png(opt.screenshot, width, height, pixels, ui.lang, "edit")) return kExitInvalid;
  return kExitOk;
}

void update_rehearsal(ui::AuthorState& author, Rehearsal& rehearsal, Millis now) {
  if (author.request_stop) rehearsal.stop();
  bool started = author.request_rehearse && author.last_valid;
  if (started) rehearsal.start(*author.last_valid, now);  // the version saved last
  author.request_stop = author.request_rehearse = false;
  if (rehearsal.running()) {
    rehearsal.advance(now, author.speed);
    if (started || !author.rehearsal_session) author.rehearsal_session = rehearsal.session();
    author.rehearsal_state = rehearsal.state();
    author.rehearsal_now = rehearsal.sim_now();
  } else {
    author.rehearsal_session.reset();
    author.rehearsal_state.reset();
  }
  author.rehearsing = rehearsal.running();
}

// "Imprimir guía…": writes `<session-id>-guia.pdf` next to the file.
void print_guide_request(ui::AuthorState& author) {
  if (!author.request_print_guide) return;
  author.request_print_guide = false;
  if (!author.last_valid) return;
  std::string path = default_guide_path(*author.last_valid, author.path), error;
  author.print_failed = !write_guide_pdf(*author.last_valid, path, error);
  author.printed = author.print_failed ? error : path;
}

int author_loop(ui::AuthorState& author, ui::UiState& ui) {
  std::string title = std::string(ui.t(ui::S::AuthorTitle)) + " — " + author.path;
  AppWindow window(WindowRole::Console, title, WindowPlacement{}, true);
  if (!window.ok()) {
    std::cerr << txf(ui.lang, T::NoGlWindow, "edit") << "\n";
    return kExitUsage;
  }
  FileWatcher watcher(author.path, [] { glfwPostEmptyEvent(); });
  if (!watcher.ok())
    std::cerr << txf(ui.lang, T::SavesNotNoticed, "edit", author.path.c_str(), watcher.error().c_str()) << "\n";
  Rehearsal rehearsal;
  int extra_frames = 2;  // ImGui settles hover / active states over a couple of frames
  while (!window.close_requested()) {
    // Idle: sleep until input or a save (the watcher wakes us); rehearsing: 10 frames a second.
    if (extra_frames > 0) glfwPollEvents();
    else glfwWaitEventsTimeout(author.rehearsing ? 0.1 : 2.0);
    bool input = window.take_dirty();
    for (const ui::KeyInput& key : window.take_keys())
      if (key.key == GLFW_KEY_F11) window.toggle_fullscreen();
    if (watcher.take_changed()) {
      load_into(author, ui.lang);
      input = true;
    }
    update_rehearsal(author, rehearsal, steady_now());
    print_guide_request(author);
    if (input || extra_frames > 0 || author.rehearsing) window.render([&] { ui::draw_author(author, ui); });
    if (author.request_rehearse || author.request_stop || author.request_print_guide) input = true;  // clicked in this frame
    extra_frames = input ? 2 : std::max(0, extra_frames - 1);
  }
  return kExitOk;
}

}  // namespace

CommandRunner add_edit_command(CLI::App& app, Lang help) {
  auto opt = std::make_shared<EditOptions>();
  auto* cmd = app.add_subcommand("edit", hx(help, H::EditAbout));
  cmd->add_option("file", opt->file, hx(help, H::EditFile))->required();
  cmd->add_option("--lang", opt->lang, hx(help, H::LangFlag))
      ->check(CLI::IsMember({"es", "en"}));
  cmd->add_option("--screenshot", opt->screenshot, hx(help, H::EditScreenshot));
  cmd->add_option("--size", opt->size, hx(help, H::EditSize));
  cmd->add_option("--section", opt->section, hx(help, H::EditSection));
  cmd->add_option("--saved", opt->saved, hx(help, H::EditSaved));
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    std::string io_error;
    auto source = read_source_file(opt->file, io_error, command_lang(opt->lang));
    if (!source) {
      std::cerr << io_error << "\n";
      return kExitUsage;
    }
    // Messages before the window: --lang, else the file's language, else the locale.
    const Lang lang = command_lang(opt->lang, language_line(source->text));
    ui::AuthorState author;
    author.path = opt->file;
    load_into(author, lang);
    if (!opt->section.empty() && author.last_valid) author.selected = std::max(0, author.last_valid->find_section(opt->section));
    if (!opt->saved.empty()) load_into(author, lang, opt->saved);
    glfwSetErrorCallback(remember_edit_glfw_error);
    if (!glfwInit()) {
      std::cerr << txf(lang, T::NoDisplayAuthor, g_edit_glfw_error.empty() ? tx(lang, T::GlfwInitFailed) : g_edit_glfw_error.c_str())
                << "\n";
      return kExitUsage;
    }
    glfwSetErrorCallback([](int, const char* description) { std::cerr << "GLFW: " << description << "\n"; });
    ui::UiState ui = make_ui(*opt, author);
    int status = opt->screenshot.empty() ? author_loop(author, ui) : screenshot(*opt, author, ui);
    glfwTerminate();
    return status;
  };
}

}  // namespace facilita
