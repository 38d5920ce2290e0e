#include "app/hot_reload.hpp"

#include <cstdio>
#include <exception>

#include "app/source_file.hpp"
#include "core/loader.hpp"
#include "core/session_diff.hpp"

namespace facilita {
namespace {

std::string position_text(const Diagnostic& d, Lang lang) {
  return std::to_string(d.line) + ":" + std::to_string(d.col) + ": " + diagnostic_message(d, lang);
}

}  // namespace

HotReload::HotReload(std::string path, Controller& controller, ui::UiState& ui, StoreSessionFile store)
    : path_(std::move(path)), controller_(controller), ui_(ui), store_(std::move(store)) {}

void HotReload::file_saved(Millis now) {
  std::string error;
  auto file = read_source_file(path_, error, ui_.lang);
  if (!file) return;  // mid-rename or removed: the next save reports again
  text_saved(file->text, now);
}

void HotReload::text_saved(const std::string& text, Millis now) {
  ui::ReloadNotice& r = ui_.reload;
  auto loaded = load_session(text);
  changed();
  if (!loaded.ok()) {
    r.errors.clear();
    for (const Diagnostic& d : loaded.diagnostics)
      if (d.severity == Severity::Error) r.errors.push_back(position_text(d, ui_.lang));
    r.note.clear();
    return;  // a pending version (if any) stays on offer
  }
  r.errors.clear();
  r.note.clear();
  r.pending = false;
  r.live_changes.clear();
  r.needs_acceptance.clear();
  pending_.reset();
  ReloadDiff diff = diff_sessions(controller_.session(), *loaded.session, controller_.state());
  if (diff.foreign) {
    char line[512];
    std::snprintf(line, sizeof line, ui_.t(ui::S::ReloadForeign), loaded.session->id.c_str());
    r.note = line;
    return;
  }
  if (diff.identical) return;
  if (diff.needs_accept()) {
    // Live and structural changes in one save wait together: every state the
    // room sees is exactly one stored file version.
    r.pending = true;
    r.live_changes = diff.live_changes;
    r.needs_acceptance = diff.needs_acceptance;
    pending_ = std::move(loaded.session);
    pending_text_ = text;
    return;
  }
  apply(*loaded.session, text, now);
}

void HotReload::handle_requests(Millis now) {
  ui::ReloadNotice& r = ui_.reload;
  if (r.request_accept && pending_) {
    Session edited = std::move(*pending_);
    pending_.reset();
    r.pending = false;
    r.live_changes.clear();
    r.needs_acceptance.clear();
    apply(edited, pending_text_, now);
    changed();
  }
  if (r.request_dismiss) {
    pending_.reset();
    r.pending = false;
    r.live_changes.clear();
    r.needs_acceptance.clear();
    r.note.clear();
    changed();
  }
  r.request_accept = r.request_dismiss = false;
}

void HotReload::apply(const Session& edited, const std::string& text, Millis now) {
  ui::ReloadNotice& r = ui_.reload;
  char line[512];
  std::string hash;
  try {
    hash = store_(text);
  } catch (const std::exception& e) {
    std::snprintf(line, sizeof line, ui_.t(ui::S::ReloadRefused), e.what());
    r.note = line;
    return;
  }
  DispatchResult result = controller_.reload(edited, hash, now);
  if (result.ok) {
    r.file_hash = hash;
    r.note = ui_.t(ui::S::ReloadApplied);
    return;
  }
  const char* why = result.code == "current-removed" ? ui_.t(ui::S::ReloadCurrentRemoved) : result.message.c_str();
  std::snprintf(line, sizeof line, ui_.t(ui::S::ReloadRefused), why);
  r.note = line;
}

}  // namespace facilita
