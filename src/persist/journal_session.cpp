#include "persist/journal_session.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/loader.hpp"
#include "core/session_reload.hpp"
#include "persist/hash.hpp"

namespace facilita {

Session parse_session_text(std::string_view text, const std::string& file_path) {
  LoadResult result = load_session(text);
  if (result.ok()) return std::move(*result.session);
  std::string message;
  for (const auto& d : result.diagnostics)
    if (d.severity == Severity::Error) message += format_diagnostic(file_path, d, Lang::En);
  if (message.empty()) message = file_path + ": error: not a valid session\n";
  message.pop_back();  // format_diagnostic ends lines with '\n'
  throw std::runtime_error(message);
}

Replayed replay(const Journal& journal, std::int64_t delivery) {
  auto info = journal.delivery(delivery);
  if (!info) throw JournalError(journal.path() + ": delivery " + std::to_string(delivery) + " does not exist");
  Replayed r;
  try {
    r.session = parse_session_text(journal.file_content(delivery), info->file_path + " (as stored for delivery " +
                                                                       std::to_string(delivery) + ")");
  } catch (const JournalError&) {
    throw;
  } catch (const std::runtime_error& e) {
    throw JournalError(journal.path() + ": delivery " + std::to_string(delivery) +
                       ": its stored session file no longer loads with this version of Facilita:\n" + e.what());
  }
  r.file_sha256 = info->file_sha256;
  r.state = initial_state(r.session);
  // Versions an ev::SessionReloaded names, parsed once each (core/session_reload.hpp).
  std::map<std::string, Session, std::less<>> versions;
  std::string failure;
  SessionLookup version_of = [&](std::string_view hash) -> const Session* {
    if (auto it = versions.find(hash); it != versions.end()) return &it->second;
    auto text = journal.session_file(hash);
    if (!text) {
      failure = "the reloaded file " + std::string(hash) + " is not stored";
      return nullptr;
    }
    try {
      auto label = info->file_path + " (version " + std::string(hash.substr(0, 12)) + ")";
      return &versions.emplace(std::string(hash), parse_session_text(*text, label)).first->second;
    } catch (const std::runtime_error& e) {
      failure = std::string("the reloaded session no longer loads:\n") + e.what();
      return nullptr;
    }
  };
  journal.for_each_event(delivery, [&](std::int64_t seq, const Event& event) {
    if (!apply_with_reload(r.session, r.state, event, version_of))
      throw JournalError(journal.path() + ": delivery " + std::to_string(delivery) + ", event " +
                         std::to_string(seq) + ": " + (failure.empty() ? "cannot be replayed" : failure));
    if (const auto* reload = std::get_if<ev::SessionReloaded>(&event.data)) r.file_sha256 = reload->file_hash;
  });
  r.last_alive_at = std::max({info->started_at, info->last_alive_at, info->last_event_at});
  r.delivery = std::move(*info);
  return r;
}

std::optional<cmd::RecordOutage> downtime(const Replayed& r, Millis now) {
  const AgendaState& agenda = r.state.agenda;
  if (!agenda.started || agenda.ended || now <= r.last_alive_at) return std::nullopt;
  return cmd::RecordOutage{r.last_alive_at, now};
}

JournalSession JournalSession::start(Journal& journal, std::string_view session_text, const std::string& file_path,
                                     Millis now) {
  Session session = parse_session_text(session_text, file_path);
  std::error_code ec;
  auto absolute = std::filesystem::absolute(file_path, ec);
  NewDelivery d{session.id, session.title, ec ? file_path : absolute.lexically_normal().string(),
                std::string(session_text), now};
  JournalSession js(journal, journal.begin_delivery(d));
  js.file_sha256_ = sha256_hex(session_text);
  js.state_ = initial_state(session);
  js.session_ = std::move(session);
  return js;
}

JournalSession JournalSession::resume(Journal& journal, std::int64_t delivery, Millis now) {
  Replayed r = replay(journal, delivery);
  if (!r.delivery.unfinished())
    throw JournalError(journal.path() + ": delivery " + std::to_string(delivery) + " is " + r.delivery.status +
                       "; only a running delivery can be resumed");
  JournalSession js(journal, delivery);
  js.resumed_ = true;
  js.outage_ = downtime(r, now);
  js.session_ = std::move(r.session);
  js.state_ = std::move(r.state);
  js.file_sha256_ = std::move(r.file_sha256);
  return js;
}

JournalSession JournalSession::resume_or_start(Journal& journal, std::string_view session_text,
                                               const std::string& file_path, Millis now) {
  Session session = parse_session_text(session_text, file_path);
  auto unfinished = journal.find_unfinished(session.id);
  if (!unfinished) return start(journal, session_text, file_path, now);
  JournalSession js = resume(journal, unfinished->id, now);
  if (js.file_sha256_ != sha256_hex(session_text))
    js.note_ = file_path + " changed since delivery " + std::to_string(unfinished->id) +
               " started; resuming with the version it was running";
  return js;
}

JournalSession JournalSession::start_fresh(Journal& journal, std::string_view session_text,
                                           const std::string& file_path, Millis now) {
  Session session = parse_session_text(session_text, file_path);
  JournalSession js = [&] {
    if (auto unfinished = journal.find_unfinished(session.id)) {
      journal.abandon(unfinished->id, now);
      JournalSession fresh = start(journal, session_text, file_path, now);
      fresh.note_ = "delivery " + std::to_string(unfinished->id) + " was left unfinished and is kept as abandoned";
      return fresh;
    }
    return start(journal, session_text, file_path, now);
  }();
  return js;
}

bool JournalSession::append(const std::vector<Event>& events, std::string& error) {
  return sink()(events, error);
}

EventSink JournalSession::sink() {
  // Captures the journal and id, not `this`: the session object may move.
  return [journal = journal_, delivery = delivery_](const std::vector<Event>& events, std::string& error) {
    try {
      journal->append(delivery, events);
      return true;
    } catch (const std::exception& e) {
      error = e.what();
      return false;
    }
  };
}

void JournalSession::heartbeat(Millis now) {
  std::string ignored;  // a failing disk shows up on the next append, which the facilitator sees
  heartbeat(now, ignored);
}

bool JournalSession::heartbeat(Millis now, std::string& error) {
  try {
    journal_->touch(delivery_, now);
    return true;
  } catch (const std::exception& e) {
    error = e.what();
    return false;
  }
}

}  // namespace facilita
