// `facilita run [FILE]`: deliver a session — the facilitator's console and
// the projector view — journaling every event in the data directory.
// With --screenshot, renders one view at a simulated moment to a PNG instead.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/cli_lang.hpp"
#include "app/cli_help.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "app/controller.hpp"
#include "app/cue_effects.hpp"
#include "app/delivery.hpp"
#include "app/file_watcher.hpp"
#include "app/gui_loop.hpp"
#include "app/headless.hpp"
#include "app/hot_reload.hpp"
#include "app/install_paths.hpp"
#include "app/preferences.hpp"
#include "app/screenshot.hpp"
#include "app/signal_watcher.hpp"
#include "app/source_file.hpp"
#include "core/loader.hpp"
#include "persist/data_dir.hpp"

namespace facilita {
namespace {

constexpr const char* kDefaultSession = "sessions/m2-s3-gobierno-abierto.yaml";

struct RunOptions {
  std::string file;
  std::string data;
  std::string lang;
  bool single_window = false;
  bool private_screen = false;
  std::string dump_state;
  std::string join_url;
  std::string screenshot;
  std::string view = "console";
  std::string at;
  std::string size = "1920x1080";
  bool demo = false;
  bool reveal = false;
  std::string room_message;  // --message
  int break_s = 0;           // --break-left
  bool questions = false;
  bool quiz_summary = false;
  bool ended = false;
  bool paused = false;
  int adjust_min = 0;
  bool rebalance = false;
  int demo_fellows = 14;
  std::string layout;
  int page_down = 0;
  NetFlags net;
};

// The module by default: ./sessions/… when run from a checkout, else the
// installed or source tree's copy (install_paths.hpp).
std::string resolve_session_path(const std::string& given) {
  if (!given.empty()) return given;
  std::error_code ec;
  if (std::filesystem::is_regular_file(kDefaultSession, ec)) return kDefaultSession;
  const std::string name = std::filesystem::path(kDefaultSession).filename().string();
  if (std::string shared = find_shared(Shared::Sessions, name); !shared.empty()) return shared;
  return kDefaultSession;  // the error names the path it looked for
}

std::optional<Session> load_or_report(const SourceFile& file, const std::string& lang_flag) {
  auto result = load_session(file.text);
  const Lang lang = command_lang(lang_flag, language_line(file.text));
  for (const auto& d : result.diagnostics)
    if (d.severity == Severity::Error) std::cerr << format_diagnostic(file.path, d, lang);
  if (!result.ok()) std::cerr << txf(lang, T::NotValidSession, file.path.c_str(), file.path.c_str()) << "\n";
  return result.session;
}

// GLFW reports why it failed through this callback; keep the last message for the one-line error.
std::string g_glfw_error;
void remember_glfw_error(int, const char* description) { g_glfw_error = description ? description : ""; }

bool init_display(Lang lang) {
  glfwSetErrorCallback(remember_glfw_error);
  if (glfwInit()) return true;
  std::cerr << txf(lang, T::NoDisplayConsole, g_glfw_error.empty() ? tx(lang, T::GlfwInitFailed) : g_glfw_error.c_str())
            << "\n";
  return false;
}

// GLFW stays initialised for as long as this lives (declared before the windows).
struct DisplaySession {
  ~DisplaySession() { glfwTerminate(); }
};

ui::UiState make_ui_state(const RunOptions& opt, const Session& session) {
  ui::UiState ui;
  ui.lang = command_lang(opt.lang, session.language);
  ui.single_window = opt.single_window;
  ui.join_url = opt.join_url;
  return ui;
}

int run_screenshot(const RunOptions& opt, const Session& session) {
  ScreenshotOptions shot;
  shot.out = opt.screenshot;
  shot.view = opt.view;
  shot.at = opt.at;
  shot.demo = opt.demo;
  shot.reveal = opt.reveal;
  shot.message = opt.room_message;
  shot.break_s = opt.break_s;
  shot.questions = opt.questions;
  shot.quiz_summary = opt.quiz_summary;
  shot.ended = opt.ended;
  shot.paused = opt.paused;
  shot.adjust_min = opt.adjust_min;
  shot.rebalance = opt.rebalance;
  shot.demo_fellows = opt.demo_fellows;
  shot.layout = opt.layout;
  shot.page_down = opt.page_down;
  ui::UiState ui = make_ui_state(opt, session);
  if (!parse_size(opt.size, shot.width, shot.height)) {
    std::cerr << txf(ui.lang, T::SizeWanted, opt.size.c_str(), "1280x720") << "\n";
    return kExitUsage;
  }
  if (!init_display(ui.lang)) return kExitUsage;
  DisplaySession display;
  return take_screenshot(session, ui, shot);
}

// How the signal thread reaches the loop: only while it exists, under a lock.
struct LoopHandle {
  std::mutex mutex;
  GuiLoop* loop = nullptr;
  bool stop_requested = false;
  void stop() {
    std::lock_guard lock(mutex);
    stop_requested = true;
    if (loop) loop->stop();
  }
  void attach(GuiLoop* target) {
    std::lock_guard lock(mutex);
    loop = target;
    if (loop && stop_requested) loop->stop();
  }
};

struct Attachment {  // detaches before the loop is destroyed
  LoopHandle& handle;
  ~Attachment() { handle.attach(nullptr); }
};

// What the console shows of the Delivery that is not the model: the storage alarm.
void show_storage(const Delivery& delivery, ui::UiState& ui) {
  if (ui.storage.generation == delivery.storage_generation()) return;
  ui.storage.generation = delivery.storage_generation();
  const auto& alarm = delivery.storage_alarm();
  ui.storage.failing = alarm.has_value();
  ui.storage.reason = alarm ? alarm->reason : "";
  ui.storage.source = alarm ? std::string(to_string(alarm->source)) : "";
  ui.storage.since = alarm ? alarm->since : 0;
}

// Connection health for the status bar and the "not answered" list.
void show_presence(const Delivery& delivery, ui::UiState& ui) {
  const NetPump* pump = delivery.pump();
  ui.presence.known = pump != nullptr;
  if (!pump) return;
  const PresenceCounts& c = pump->presence_counts();
  ui.presence.connected = c.connected;
  ui.presence.reconnecting = c.reconnecting;
  ui.presence.gone = c.gone;
  ui.presence.gone_ids.clear();
  if (c.gone == 0) return;
  const Millis at = pump->published_at();
  for (const auto& [id, participant] : delivery.controller().state().participants)
    if (presence_of(pump->presence_seen(), id, at, pump->presence_baseline()) == Presence::Gone)
      ui.presence.gone_ids.insert(id);
}

int run_delivery(const RunOptions& opt, const SourceFile& file) {
  LoopHandle handle;
  // Before any thread exists (GLFW, Mesa and the network start some).
  SignalWatcher signals([&handle] { handle.stop(); });
  // Before the session is delivered: --lang, else the file's language, else the locale.
  const Lang lang = command_lang(opt.lang, language_line(file.text));
  if (!init_display(lang)) return kExitUsage;
  DisplaySession display;
  raise_open_files_limit();

  std::unique_ptr<Delivery> delivery;
  try {
    delivery = std::make_unique<Delivery>(delivery_options(opt.net, file, resolve_data_dir(opt.data)));
  } catch (const std::exception& e) {  // LockHeldError names the other process
    std::cerr << txf(lang, T::CommandError, "run", error_text(lang, e).c_str()) << "\n";
    return kExitInvalid;
  }
  Controller& controller = delivery->controller();

  ui::UiState ui = make_ui_state(opt, controller.session());
  if (!delivery->note().empty()) ui.message = delivery->note();
  GuiOptions gui;
  gui.single_window = opt.single_window;
  gui.private_screen = opt.private_screen;
  gui.layout_path = window_layout_path(delivery->data_dir());
  gui.dump_state_path = opt.dump_state;
  GuiLoop loop(controller, ui, gui, [&delivery] { return delivery->now(); });
  Attachment attachment{handle};
  handle.attach(&loop);
  std::string error;
  if (!loop.open(error)) {
    std::cerr << txf(ui.lang, T::CommandError, "run", error.c_str()) << "\n";
    return kExitUsage;
  }

  // The fellows' server wakes the loop from its thread. The console still runs
  // without it (a room without laptops): a failure is shown instead of ending the run.
  std::string net_problem;
  const net::ServerOptions net_options = server_options(opt.net);
  if (delivery->serve(net_options, [&loop] { loop.wake(); }, net_problem, ui.lang)) {
    if (ui.join_url.empty()) ui.join_url = delivery->server()->join_url();
    ui.admin_url = delivery->server()->admin_url();
    // As headless prints them: scripts (and a facilitator at a terminal) find the port.
    std::cout << listening_lines(ui.lang, net_options.bind, delivery->server()->port(), delivery->server()->join_url())
              << std::flush;
  } else {
    std::cerr << txf(ui.lang, T::FellowsCannotJoin, net_problem.c_str()) << "\n";
    ui.message = txf(ui.lang, T::NetworkNote, net_problem.c_str());
  }
  loop.set_dispatch([&](const Command& c, Millis t) { return delivery->dispatch(c, Source::Key, t); });
  loop.set_next_wake([&](Millis now) { return delivery->next_wake_at(now); });
  loop.set_on_frame([&] {
    show_storage(*delivery, ui);
    show_presence(*delivery, ui);
  });

  // Saves of the session file while it is delivered (hot reload: a console matter).
  HotReload hot_reload(file.path, controller, ui, [&delivery](std::string_view text) {
    return delivery->journal().store_session_file(text);
  });
  FileWatcher watcher(file.path, [&loop] { loop.wake(); });
  if (!watcher.ok())
    std::cerr << txf(ui.lang, T::SavesNotNoticed, "run", file.path.c_str(), watcher.error().c_str()) << "\n";
  loop.set_on_requests([&](Millis now) { hot_reload.handle_requests(now); });

  // Wrap-up and zero: log line, chime (unless muted), projector flash.
  CueEffects cues(preferences_path(delivery->data_dir()), ui);
  loop.set_on_turn([&](Millis now) {
    if (watcher.take_changed()) hot_reload.file_saved(now);
    // Fellows' answers and remote commands, timers, heartbeat: the same turn as --headless.
    delivery->turn(now);
    cues.turn(controller.session(), controller.state(), now);
  });
  int status = loop.run();
  cues.save();
  delivery->close();  // answers what is already queued, stops the server
  return status;
}

}  // namespace

CommandRunner add_run_command(CLI::App& app, Lang help) {
  auto opt = std::make_shared<RunOptions>();
  auto* cmd = app.add_subcommand("run", hx(help, H::RunAbout));
  cmd->add_option("file", opt->file, hxf(help, H::RunFile, kDefaultSession));
  cmd->add_option("--data", opt->data, hx(help, H::RunData));
  cmd->add_option("--lang", opt->lang, hx(help, H::LangFlag))
      ->check(CLI::IsMember({"es", "en"}));
  cmd->add_flag("--single-window", opt->single_window,
                hx(help, H::RunSingleWindow));
  cmd->add_flag("--console", opt->private_screen,
                hx(help, H::RunConsole));
  cmd->add_option("--dump-state", opt->dump_state, hx(help, H::RunDumpState));
  cmd->add_option("--join-url", opt->join_url, hx(help, H::RunJoinUrl));
  cmd->add_option("--screenshot", opt->screenshot, hx(help, H::RunScreenshot));
  cmd->add_option("--view", opt->view,
                  hx(help, H::RunView))
      ->check(CLI::IsMember({"console", "projector", "presentation", "shared-console"}));
  cmd->add_option("--at", opt->at, hx(help, H::RunAt));
  cmd->add_option("--size", opt->size, hx(help, H::RunSize));
  cmd->add_flag("--demo", opt->demo, hx(help, H::RunDemo));
  cmd->add_flag("--reveal", opt->reveal, hx(help, H::RunReveal));
  cmd->add_option("--message", opt->room_message, hx(help, H::RunMessage));
  cmd->add_option("--break-left", opt->break_s, hx(help, H::RunBreakLeft))
      ->check(CLI::Range(1, 4 * 3600));
  cmd->add_flag("--questions", opt->questions, hx(help, H::RunQuestions));
  cmd->add_flag("--quiz-summary", opt->quiz_summary,
                hx(help, H::RunQuizSummary));
  cmd->add_flag("--ended", opt->ended,
                hx(help, H::RunEnded));
  cmd->add_flag("--paused", opt->paused, hx(help, H::RunPaused));
  cmd->add_option("--adjust", opt->adjust_min,
                  hx(help, H::RunAdjust))
      ->check(CLI::Range(-60, 60));
  cmd->add_flag("--rebalance", opt->rebalance, hx(help, H::RunRebalance));
  cmd->add_option("--demo-fellows", opt->demo_fellows,
                  hx(help, H::RunDemoFellows))
      ->check(CLI::Range(1, 500));
  cmd->add_option("--layout", opt->layout,
                  hx(help, H::RunLayout));
  cmd->add_option("--page-down", opt->page_down, hx(help, H::RunPageDown))->check(CLI::Range(0, 100));
  add_net_flags(*cmd, opt->net, help);
  return [cmd, opt]() {
    if (!cmd->parsed()) return -1;
    std::string io_error;
    auto file = read_source_file(resolve_session_path(opt->file), io_error, command_lang(opt->lang));
    if (!file) {
      std::cerr << io_error << "\n";
      return kExitUsage;
    }
    auto session = load_or_report(*file, opt->lang);
    if (!session) return kExitInvalid;
    if (!opt->screenshot.empty()) return run_screenshot(*opt, *session);
    if (opt->net.headless)
      return run_headless_delivery(opt->net, *file, opt->data, command_lang(opt->lang, session->language));
    return run_delivery(*opt, *file);
  };
}

}  // namespace facilita
