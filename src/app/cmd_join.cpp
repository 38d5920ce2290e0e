// `facilita join URL`: a fellow's window. net::FollowerClient keeps the
// connection (own thread); this loop draws ui::draw_follower_window into one
// AppWindow, redrawing on input, on the client's wake-ups and when the shown
// second changes. With --screenshot it waits --after-ms, renders one frame
// offscreen and writes a PNG instead of opening a window.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <thread>

#include "app/app_window.hpp"
#include "app/cli_help.hpp"
#include "app/cli_lang.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "app/screenshot.hpp"
#include "net/fellow_decoder.hpp"
#include "net/follower_client.hpp"
#include "persist/data_dir.hpp"
#include "ui/follower_view.hpp"

namespace facilita {
namespace {

struct JoinOptions {
  std::string url;
  std::string name;
  std::string lang;  // "" = the locale's
  std::string data;
  std::string screenshot;
  std::string size = "1280x800";
  int after_ms = 1500;
};

Millis now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

ui::FollowerModel make_model(const net::FollowerSnapshot& s, Millis now) {
  ui::FollowerModel m;
  switch (s.status) {
    case net::LinkStatus::Connecting: m.link = ui::FollowerLink::Connecting; break;
    case net::LinkStatus::Online: m.link = ui::FollowerLink::Online; break;
    case net::LinkStatus::Retrying: m.link = ui::FollowerLink::Retrying; break;
    case net::LinkStatus::Failed: m.link = ui::FollowerLink::Failed; break;
  }
  m.welcomed = s.welcomed;
  m.name = s.name;
  m.error_code = s.error_code;
  m.error = s.error;
  m.retry_in_s = static_cast<int>((std::max<Millis>(0, s.retry_at_ms - now) + 999) / 1000);
  m.room = s.room.known ? &s.room : nullptr;
  m.server_now = now + s.offset_ms;
  m.pending = static_cast<int>(s.pending.size());
  for (const auto& [prompt, a] : s.answers) {
    ui::FollowerAnswer view{net::fellow_value(a.value), ui::FollowerAnswerStatus::Sending, a.reason};
    if (a.status == net::AnswerStatus::Acked) view.status = ui::FollowerAnswerStatus::Acked;
    if (a.status == net::AnswerStatus::Rejected) view.status = ui::FollowerAnswerStatus::Rejected;
    m.answers[prompt] = std::move(view);
  }
  return m;
}

std::string g_glfw_error;
void remember_glfw_error(int, const char* description) { g_glfw_error = description ? description : ""; }

// "facilita join: La sala está llena. (the server refused: …)": the words a fellow
// reads in the window, then the technical detail for whoever looks at the terminal.
std::string join_failure_line(const net::FollowerSnapshot& snap, const ui::UiState& ui) {
  const char* known = ui::follower_error_text(snap.error_code, ui);
  return std::string("facilita join: ") + (known ? known : ui.t(ui::S::ConnFailed)) + " (" + snap.error + ")";
}

struct Display {
  bool ok = false;
  Display() {
    glfwSetErrorCallback(remember_glfw_error);
    ok = glfwInit() != 0;
  }
  ~Display() {
    if (ok) glfwTerminate();
  }
};

int take_join_screenshot(net::FollowerClient& client, const JoinOptions& opt, ui::UiState& ui) {
  int width = 0, height = 0;
  if (!parse_size(opt.size, width, height)) {
    std::cerr << txf(ui.lang, T::SizeWanted, opt.size.c_str(), "1280x800") << "\n";
    return kExitUsage;
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(std::max(0, opt.after_ms)));
  const net::FollowerSnapshot snap = client.snapshot();
  AppWindow window(WindowRole::Console, "facilita join screenshot", WindowPlacement{0, 0, width, height, false},
                   /*visible=*/false);
  if (!window.ok()) {
    std::cerr << txf(ui.lang, T::NoGlContext, "join") << "\n";
    return kExitInvalid;
  }
  ui::FollowerDraft draft;
  const ui::FollowerModel model = make_model(snap, now_ms());
  auto pixels = window.render_offscreen(width, height, 3, [&] { ui::draw_follower_window(model, draft, {}, ui); });
  if (!write_png(opt.screenshot, width, height, pixels, ui.lang, "join")) return kExitInvalid;
  if (snap.status == net::LinkStatus::Failed) {
    std::cerr << join_failure_line(snap, ui) << "\n";
    return kExitInvalid;
  }
  return kExitOk;
}

// What the window shows that changes with time alone or with the client.
struct FrameKey {
  std::uint64_t revision = 0;
  Millis second = 0;
  bool operator==(const FrameKey&) const = default;
};

int run_window(net::FollowerClient& client, ui::UiState& ui) {
  AppWindow window(WindowRole::Console, ui.t(ui::S::FollowerTitle), WindowPlacement{}, /*visible=*/true);
  if (!window.ok()) {
    std::cerr << txf(ui.lang, T::JoinNoWindow, g_glfw_error.c_str()) << "\n";
    return kExitUsage;
  }
  ui::FollowerDraft draft;
  ui::FollowerActions actions;
  actions.answer = [&](const std::string& prompt, const net::FellowValue& value) {
    client.answer(prompt, net::to_json(value));
  };
  actions.join = [&](const std::string& name) { client.set_name(name); };
  FrameKey drawn{~std::uint64_t{0}, 0};
  int extra_frames = 2;
  std::string reported;
  while (!window.close_requested()) {
    const net::FollowerSnapshot snap = client.snapshot();
    const Millis now = now_ms();
    if (snap.status == net::LinkStatus::Failed && snap.error != reported) {
      std::cerr << join_failure_line(snap, ui) << "\n";
      reported = snap.error;
    }
    const FrameKey key{snap.revision, (now + snap.offset_ms) / 1000};
    const bool dirty = window.take_dirty();
    if (dirty || key != drawn || extra_frames > 0) {
      const ui::FollowerModel model = make_model(snap, now);
      window.render([&] { ui::draw_follower_window(model, draft, actions, ui); });
      extra_frames = dirty || key != drawn ? 2 : extra_frames - 1;
      drawn = key;
    }
    window.take_keys();
    const Millis to_next_second = 1000 - (now + snap.offset_ms) % 1000;
    glfwWaitEventsTimeout(extra_frames > 0 ? 0.02 : std::clamp(to_next_second / 1000.0, 0.02, 1.0));
  }
  return client.snapshot().status == net::LinkStatus::Failed ? kExitInvalid : kExitOk;
}

int run_join(const JoinOptions& opt) {
  std::string error;
  auto lang = opt.lang.empty() ? std::optional<Lang>(locale_lang()) : ui::lang_from(opt.lang);
  if (!lang) {
    std::cerr << txf(locale_lang(), T::LangWanted, "join") << "\n";
    return kExitUsage;
  }
  auto address = net::parse_server_url(opt.url, error);
  if (!address) {
    std::cerr << txf(*lang, T::CommandError, "join", error.c_str()) << "\n";
    return kExitUsage;
  }
  std::string store;
  try {
    store = (std::filesystem::path(resolve_data_dir(opt.data)) / "follower.json").string();
  } catch (const std::exception& e) {
    std::cerr << txf(*lang, T::CommandError, "join", error_text(*lang, e).c_str()) << "\n";
    return kExitUsage;
  }
  Display display;
  if (!display.ok) {
    std::cerr << txf(*lang, T::NoDisplayWindow,
                     g_glfw_error.empty() ? tx(*lang, T::GlfwInitFailed) : g_glfw_error.c_str())
              << "\n";
    return kExitUsage;
  }
  ui::UiState ui;
  ui.lang = *lang;
  net::FollowerOptions options;
  options.address = *address;
  options.name = opt.name;
  options.store_path = store;
  options.wake = [] { glfwPostEmptyEvent(); };
  if (!opt.screenshot.empty()) options.wake = nullptr;  // no loop to wake
  net::FollowerClient client(options);
  client.start();
  int status = opt.screenshot.empty() ? run_window(client, ui) : take_join_screenshot(client, opt, ui);
  client.stop();
  return status;
}

}  // namespace

CommandRunner add_join_command(CLI::App& app, Lang help) {
  auto opt = std::make_shared<JoinOptions>();
  CLI::App* cmd = app.add_subcommand("join", hx(help, H::JoinAbout));
  cmd->add_option("url", opt->url, hx(help, H::JoinUrl))
      ->required();
  cmd->add_option("--name", opt->name, hx(help, H::JoinName));
  cmd->add_option("--lang", opt->lang, hx(help, H::LangFlag));
  cmd->add_option("--data", opt->data, hx(help, H::JoinData));
  cmd->add_option("--screenshot", opt->screenshot, hx(help, H::JoinScreenshot));
  cmd->add_option("--size", opt->size, hx(help, H::JoinSize));
  cmd->add_option("--after-ms", opt->after_ms, hx(help, H::JoinAfterMs));
  return [cmd, opt]() -> int {
    if (!cmd->parsed()) return -1;
    return run_join(*opt);
  };
}

}  // namespace facilita
