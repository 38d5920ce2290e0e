// `facilita deliveries`: the history of deliveries in a data directory.
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "persist/data_dir.hpp"
#include "persist/journal.hpp"
#include "persist/time_text.hpp"

namespace facilita {
namespace {

int run_deliveries(const std::string& data_flag) {
  std::string dir = default_data_dir(data_flag);
  if (!std::filesystem::exists(journal_path(dir))) {
    std::printf("no deliveries recorded in %s\n", dir.c_str());
    return kExitOk;
  }
  Journal journal = Journal::open(dir, {.read_only = true, .create = false});
  auto deliveries = journal.deliveries();
  if (deliveries.empty()) {
    std::printf("no deliveries recorded in %s\n", dir.c_str());
    return kExitOk;
  }
  std::printf("%5s  %-28s %-16s  %-9s %7s %7s  %s\n", "id", "session", "started", "status", "events", "answers",
              "origin");
  for (const auto& d : deliveries) {
    // origin: "here", or "<journal id, 8 digits>:<its delivery id>" for an imported one.
    std::string origin = d.imported() ? d.origin_journal.substr(0, 8) + ":" + std::to_string(d.origin_delivery)
                                      : std::string("here");
    std::printf("%5lld  %-28s %-16s  %-9s %7lld %7lld  %s\n", static_cast<long long>(d.id), d.session_id.c_str(),
                local_minute(d.started_at).c_str(), d.status.c_str(), static_cast<long long>(d.events),
                static_cast<long long>(d.answers), origin.c_str());
  }
  return kExitOk;
}

}  // namespace

CommandRunner add_deliveries_command(CLI::App& app) {
  auto data = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("deliveries", "List recorded deliveries (id, session, started, status, counts)");
  cmd->add_option("--data", *data, "Data directory (default: $XDG_DATA_HOME/facilita)");
  return [cmd, data]() {
    if (!cmd->parsed()) return -1;
    try {
      return run_deliveries(*data);
    } catch (const std::exception& e) {
      std::cerr << "error: " << e.what() << "\n";
      return kExitInvalid;
    }
  };
}

}  // namespace facilita
