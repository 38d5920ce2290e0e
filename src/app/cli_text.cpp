#include "app/cli_text.hpp"

#include <cstdarg>
#include <cstdio>

#include "app/cli_text_table.hpp"
#include "persist/delivery_lock.hpp"
#include "persist/placed_error.hpp"
#include "persist/time_text.hpp"

namespace facilita {

const char* tx(Lang lang, T key) {
  return text_of(lang == Lang::En ? english_texts() : spanish_texts(), key);
}

std::string format_va(const char* format, std::va_list args) {
  char buf[1024];
  std::vsnprintf(buf, sizeof buf, format, args);
  return buf;
}

std::string txf(Lang lang, T key, ...) {
  va_list args;
  va_start(args, key);
  std::string out = format_va(tx(lang, key), args);
  va_end(args);
  return out;
}

std::string error_text(Lang lang, const std::exception& error) {
  const auto* placed = dynamic_cast<const PlacedError*>(&error);
  if (!placed) return error.what();
  const char* place = placed->place().c_str();
  const char* reason = placed->reason().c_str();
  switch (placed->problem()) {
    case PersistProblem::NoDataDir: return tx(lang, T::DataDirNoHome);
    case PersistProblem::CannotCreateDataDir: return txf(lang, T::DataDirCannotCreate, place, reason);
    case PersistProblem::NotADirectory: return txf(lang, T::DataDirNotDir, place);
    case PersistProblem::CannotCreateLock: return txf(lang, T::LockCannotCreate, place, reason);
    case PersistProblem::CannotLock: return txf(lang, T::LockCannotLock, place, reason);
    case PersistProblem::NoJournalYet: return txf(lang, T::NoJournalYet, place);
    case PersistProblem::LockHeld:
      if (const auto* held = dynamic_cast<const LockHeldError*>(placed)) {
        const std::string who = held->holder_pid() > 0
                                    ? txf(lang, T::LockHolderPid, held->holder_pid(),
                                          local_minute(held->holder_since()).c_str())
                                    : std::string(tx(lang, T::LockHolderStarting));
        return txf(lang, T::LockHeld, held->session_id().c_str(), who.c_str(), place);
      }
      break;
    case PersistProblem::Other: break;
  }
  return error.what();
}

std::string pad(const std::string& text, std::size_t width) {
  std::size_t chars = 0;
  for (unsigned char c : text) chars += (c & 0xC0) != 0x80 ? 1 : 0;
  return chars >= width ? text : text + std::string(width - chars, ' ');
}

}  // namespace facilita
