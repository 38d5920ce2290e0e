// `facilita deliveries`: the history of deliveries in a data directory.
#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <iostream>
#include <memory>

#include "app/cli_lang.hpp"
#include "app/cli_help.hpp"
#include "app/cli_text.hpp"
#include "app/commands.hpp"
#include "persist/data_dir.hpp"
#include "persist/journal.hpp"
#include "persist/time_text.hpp"

namespace facilita {
namespace {

int run_deliveries(const std::string& data_flag, Lang lang) {
  std::string dir = default_data_dir(data_flag);
  if (!std::filesystem::exists(journal_path(dir))) {
    std::printf("%s\n", txf(lang, T::NoDeliveries, dir.c_str()).c_str());
    return kExitOk;
  }
  Journal journal = Journal::open(dir, {.read_only = true, .create = false});
  auto deliveries = journal.deliveries();
  if (deliveries.empty()) {
    std::printf("%s\n", txf(lang, T::NoDeliveries, dir.c_str()).c_str());
    return kExitOk;
  }
  auto right = [](const std::string& text, std::size_t width) {
    std::string padded = pad(text, width);
    return std::string(padded.size() - text.size(), ' ') + text;  // the padding moved in front
  };
  // The answers column as wide as its heading ("respuestas").
  const std::size_t answers_width = std::max<std::size_t>(7, pad(tx(lang, T::DelivAnswers), 0).size());
  std::printf("%s  %s %s  %s %s %s  %s\n", right(tx(lang, T::DelivId), 5).c_str(), pad(tx(lang, T::DelivSession), 28).c_str(),
              pad(tx(lang, T::DelivStarted), 16).c_str(), pad(tx(lang, T::DelivStatus), 9).c_str(),
              right(tx(lang, T::DelivEvents), 7).c_str(), right(tx(lang, T::DelivAnswers), answers_width).c_str(),
              tx(lang, T::DelivOrigin));
  for (const auto& d : deliveries) {
    // origin: "here", or "<journal id, 8 digits>:<its delivery id>" for an imported one.
    std::string origin = d.imported() ? d.origin_journal.substr(0, 8) + ":" + std::to_string(d.origin_delivery)
                                      : std::string(tx(lang, T::DelivHere));
    const std::string status = d.status == "ended"     ? tx(lang, T::StatusEnded)
                               : d.status == "running" ? tx(lang, T::StatusRunning)
                               : d.status == "abandoned" ? tx(lang, T::StatusAbandoned)
                                                         : d.status;
    std::printf("%5lld  %-28s %-16s  %s %7lld %s  %s\n", static_cast<long long>(d.id), d.session_id.c_str(),
                local_minute(d.started_at).c_str(), pad(status, 9).c_str(), static_cast<long long>(d.events),
                right(std::to_string(d.answers), answers_width).c_str(), origin.c_str());
  }
  return kExitOk;
}

}  // namespace

CommandRunner add_deliveries_command(CLI::App& app, Lang help) {
  auto data = std::make_shared<std::string>();
  auto lang = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("deliveries", hx(help, H::DeliveriesAbout));
  cmd->add_option("--data", *data, hx(help, H::DataDir));
  cmd->add_option("--lang", *lang, hx(help, H::LangFlag))->check(CLI::IsMember({"es", "en"}));
  return [cmd, data, lang]() {
    if (!cmd->parsed()) return -1;
    try {
      return run_deliveries(*data, command_lang(*lang));
    } catch (const std::exception& e) {
      const Lang out = command_lang(*lang);
      std::cerr << txf(out, T::CommandError, "deliveries", error_text(out, e).c_str()) << "\n";
      return kExitInvalid;
    }
  };
}

}  // namespace facilita
