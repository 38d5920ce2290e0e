// What the commands print: every key in Spanish and English with the same printf
// conversions in the same order, and the language rule of every command.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/cli_help.hpp"
#include "app/cli_lang.hpp"
#include "app/cli_text.hpp"
#include "app/cue_watcher.hpp"
#include "app/headless.hpp"
#include "persist/delivery_lock.hpp"
#include "persist/placed_error.hpp"

using namespace facilita;

namespace {

std::vector<std::string> conversions(const char* text) {
  std::vector<std::string> out;
  for (const char* c = text; *c; ++c) {
    if (*c != '%') continue;
    std::string spec = "%";
    while (*++c && std::string("-0123456789.lz").find(*c) != std::string::npos) spec += *c;
    if (!*c) break;
    spec += *c;
    if (spec != "%%") out.push_back(spec);
  }
  return out;
}

}  // namespace

TEST_CASE("every command text has Spanish and English with the same printf conversions") {
  for (int i = 0; i < static_cast<int>(T::Count); ++i) {
    const T key = static_cast<T>(i);
    CAPTURE(i);
    CAPTURE(std::string(tx(Lang::En, key)));
    CHECK(std::string(tx(Lang::Es, key)) != "");
    CHECK(std::string(tx(Lang::En, key)) != "");
    CHECK(conversions(tx(Lang::Es, key)) == conversions(tx(Lang::En, key)));
  }
}

TEST_CASE("a command's language: --lang, then the session's, then the locale") {
  ::setenv("LANG", "en_US.UTF-8", 1);
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  CHECK(command_lang("es", "en") == Lang::Es);
  CHECK(command_lang("", "es") == Lang::Es);
  CHECK(command_lang("", "") == Lang::En);
  ::setenv("LC_MESSAGES", "es_MX.UTF-8", 1);
  CHECK(command_lang("", "") == Lang::Es);
  ::setenv("LANG", "C.UTF-8", 1);
  ::unsetenv("LC_MESSAGES");
  CHECK(command_lang("", "") == Lang::Es);
  CHECK(language_line("id: x\nlanguage: en\nsections: [\n") == "en");
  CHECK(language_line("id: x\n  language: en\n") == "");
  CHECK(txf(Lang::Es, T::ErrorsWarnings, "f.yaml", 2, 1) == "f.yaml: 2 error(es), 1 aviso(s)");
  CHECK(pad("sección", 9) == "sección  ");
}

TEST_CASE("every help text has Spanish and English with the same printf conversions") {
  for (int i = 0; i < static_cast<int>(H::Count); ++i) {
    const H key = static_cast<H>(i);
    CAPTURE(i);
    CAPTURE(std::string(hx(Lang::En, key)));
    CHECK(std::string(hx(Lang::Es, key)) != "");
    CHECK(conversions(hx(Lang::Es, key)) == conversions(hx(Lang::En, key)));
  }
  CHECK(std::string(hx(Lang::Es, H::CheckStrict)) == "Trata los avisos como errores");
  CHECK(std::string(hx(Lang::En, H::CheckStrict)) == "Treat warnings as errors");
}

TEST_CASE("the language of --help: --lang anywhere in the command line, else the locale") {
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  ::setenv("LANG", "es_ES.UTF-8", 1);
  CHECK(help_lang({"check", "--help"}) == Lang::Es);
  CHECK(help_lang({"check", "--help", "--lang", "en"}) == Lang::En);
  CHECK(help_lang({"--lang=en", "check", "x.yaml"}) == Lang::En);
  CHECK(help_lang({"check", "--lang", "fr"}) == Lang::Es);      // not a language of --lang: the locale
  CHECK(help_lang({"check", "--lang", "en-US"}) == Lang::Es);   // --lang takes es or en only
  CHECK(help_lang({"check", "--", "--lang", "en"}) == Lang::Es);  // after "--": arguments
  CHECK(help_lang({"check", "--lang"}) == Lang::Es);
  ::setenv("LANG", "en_US.UTF-8", 1);
  CHECK(help_lang({"check", "--help"}) == Lang::En);
  CHECK(help_lang({"check", "--lang", "es", "--help"}) == Lang::Es);
  ::setenv("LC_ALL", "es_MX.UTF-8", 1);
  CHECK(help_lang({"--help"}) == Lang::Es);
  ::unsetenv("LC_ALL");
}

namespace {

// What a command line like `facilita check …` prints when CLI11 refuses it.
std::string parse_error(Lang lang, std::vector<std::string> args) {
  CLI::App app{"", "facilita"};
  localize_help(app, lang);
  auto* check = app.add_subcommand("check", hx(lang, H::CheckAbout));
  std::vector<std::string> files;
  std::string choice;
  int count = 1, port = 0;
  bool json = false, fresh = false, resume = false;
  check->add_option("files", files, hx(lang, H::CheckFiles))->required();
  check->add_option("--lang", choice, hx(lang, H::LangFlag))->check(CLI::IsMember({"es", "en"}));
  check->add_option("--count", count, "")->check(CLI::Range(1, 500));
  check->add_option("--port", port, "");
  check->add_option("--delivery", count, "")->check(CLI::PositiveNumber);
  check->add_flag("--json", json, "");
  auto* fresh_flag = check->add_flag("--new", fresh, "");
  fresh_flag->excludes(check->add_flag("--resume", resume, ""));
  std::reverse(args.begin(), args.end());  // CLI11 takes them last first
  try {
    app.parse(args);
  } catch (const CLI::ParseError& e) {
    const CLI::App* where = app.get_subcommands().empty() ? &app : app.get_subcommands().front();
    return parse_error_text(lang, e, where);
  }
  return "";
}

}  // namespace

TEST_CASE("CLI11's parse errors in Spanish and English, naming the option, argument or value") {
  CHECK(parse_error(Lang::Es, {"check", "--bogus", "a.yaml"}) ==
        "facilita check: error: argumento inesperado --bogus (no es una opción de esta orden)\n"
        "Usa --help para más información.\n");
  CHECK(parse_error(Lang::En, {"check", "--bogus", "a.yaml"}) ==
        "facilita check: error: unexpected argument --bogus (not an option of this command)\n"
        "Run with --help for more information.\n");
  CHECK(parse_error(Lang::Es, {"bogus"}).starts_with("facilita: error: argumento inesperado bogus"));
  CHECK(parse_error(Lang::Es, {"check"}).starts_with("facilita check: error: falta files, que es obligatorio\n"));
  CHECK(parse_error(Lang::En, {"check"}).starts_with("facilita check: error: files is required\n"));
  CHECK(parse_error(Lang::Es, {"check", "a.yaml", "--lang", "fr"})
            .starts_with("facilita check: error: --lang: «fr» no es ninguno de {es,en}\n"));
  CHECK(parse_error(Lang::En, {"check", "a.yaml", "--lang", "fr"})
            .starts_with("facilita check: error: --lang: 'fr' is not one of {es,en}\n"));
  CHECK(parse_error(Lang::Es, {"check", "a.yaml", "--lang"}).starts_with("facilita check: error: --lang necesita un valor\n"));
  CHECK(parse_error(Lang::Es, {"check", "a.yaml", "--count", "0"})
            .starts_with("facilita check: error: --count: 0 está fuera de 1 a 500\n"));
  CHECK(parse_error(Lang::En, {"check", "a.yaml", "--count", "x"})
            .starts_with("facilita check: error: --count: 'x' is not a whole number\n"));
  CHECK(parse_error(Lang::Es, {"check", "a.yaml", "--port", "x"})
            .starts_with("facilita check: error: --port: «x» no es un número entero\n"));
  CHECK(parse_error(Lang::Es, {"check", "a.yaml", "--delivery", "0"})
            .starts_with("facilita check: error: --delivery: «0» no es un número positivo\n"));
  CHECK(parse_error(Lang::En, {"check", "a.yaml", "--new", "--resume"})
            .starts_with("facilita check: error: --new cannot be used together with --resume\n"));
  CHECK(parse_error(Lang::Es, {"check", "a.yaml", "--json=maybe"}).starts_with("facilita check: error: "));
  CHECK(parse_error(Lang::Es, {"check", "a.yaml"}) == "");
}

TEST_CASE("the help's labels and value types follow the language") {
  CLI::App app{"", "facilita"};
  localize_help(app, Lang::Es);
  auto* check = app.add_subcommand("check", hx(Lang::Es, H::CheckAbout));
  std::vector<std::string> files;
  int port = 0;
  check->add_option("files", files, hx(Lang::Es, H::CheckFiles))->required();
  check->add_option("--port", port, hx(Lang::Es, H::NetPort))->check(CLI::Range(0, 65535));
  localize_commands_help(app, Lang::Es);
  const std::string top = app.help();
  CHECK(top.find("Uso: facilita [OPCIONES] [ORDEN]") != std::string::npos);
  CHECK(top.find("Órdenes:") != std::string::npos);
  CHECK(top.find("-h,--help") != std::string::npos);
  CHECK(top.find("Muestra esta ayuda y termina") != std::string::npos);
  const std::string sub = check->help();
  CHECK(sub.find("Argumentos:") != std::string::npos);
  CHECK(sub.find("files TEXTO ... OBLIGATORIO") != std::string::npos);
  CHECK(sub.find("--port ENTERO [0 - 65535]") != std::string::npos);
  CHECK(sub.find("Opciones:") != std::string::npos);
  CHECK(sub.find("Options") == std::string::npos);  // --help in the same group as the rest
  CHECK(top.find("Options") == std::string::npos);
  CHECK(sub.find("REQUIRED") == std::string::npos);
  CHECK(sub.find("Usage") == std::string::npos);
}

TEST_CASE("data directory, lock and journal failures name the place in the user's language") {
  const PlacedError no_dir("x", PersistProblem::CannotCreateDataDir, "/srv/datos", "File exists");
  CHECK(error_text(Lang::Es, no_dir) == "/srv/datos: no se puede crear el directorio de datos: File exists");
  CHECK(error_text(Lang::En, no_dir) == "/srv/datos: cannot create the data directory: File exists");
  const PlacedError no_journal("x", PersistProblem::NoJournalYet, "/d/facilita.sqlite3");
  CHECK(error_text(Lang::Es, no_journal).starts_with("/d/facilita.sqlite3: aún no hay diario aquí"));
  const LockHeldError held("English", 0, 0, "m2-s3", "/d/m2-s3.lock");
  CHECK(error_text(Lang::Es, held) ==
        "la sesión «m2-s3» la está impartiendo otro facilita run (un proceso que está arrancando) con este "
        "directorio de datos; detén ese primero o usa otro --data DIR (bloqueo: /d/m2-s3.lock)");
  CHECK(error_text(Lang::En, held).starts_with("session 'm2-s3' is being delivered by another facilita run"));
  const std::runtime_error other("SQLITE_FULL: disk full");
  CHECK(error_text(Lang::Es, other) == "SQLITE_FULL: disk full");
}

TEST_CASE("what a running delivery prints on the terminal speaks the command's language") {
  Session session;
  session.sections.emplace_back();
  session.sections[0].id = "retos";
  session.sections[0].steps.emplace_back();
  session.sections[0].steps[0].id = "parejas";
  const Cue wrap_up{CueKind::WrapUp, 0, -1};
  CHECK(cue_log_line(session, wrap_up, Lang::Es, T::CueChime) == "señal: cierre sección=retos (campana)");
  CHECK(cue_log_line(session, wrap_up, Lang::En, T::CueMuted) == "cue: wrap-up section=retos (muted)");
  const Cue step{CueKind::StepZero, 0, 0};
  CHECK(cue_log_line(session, step, Lang::Es, T::CueNoSound) ==
        "señal: cero-de-paso sección=retos paso=parejas (sin sonido)");
  CHECK(cue_log_line(session, step, Lang::En, T::CueNoSound) == "cue: step-zero section=retos step=parejas (no sound)");
  // Scripts read the port from the first line in either language.
  CHECK(listening_lines(Lang::Es, "127.0.0.1", 8080, "http://127.0.0.1:8080/") ==
        "escuchando en 127.0.0.1:8080\nunirse: http://127.0.0.1:8080/\n");
  CHECK(listening_lines(Lang::En, "0.0.0.0", 0, "http://h:1/") == "listening on 0.0.0.0:0\njoin: http://h:1/\n");
}
