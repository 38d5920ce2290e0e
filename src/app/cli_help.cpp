#include "app/cli_help.hpp"

#include <CLI/CLI.hpp>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <sstream>

#include "app/cli_help_table.hpp"
#include "app/cli_text.hpp"

namespace facilita {

const char* hx(Lang lang, H key) {
  return text_of(lang == Lang::En ? english_help() : spanish_help(), key);
}

std::string hxf(Lang lang, H key, ...) {
  va_list args;
  va_start(args, key);
  std::string out = format_va(hx(lang, key), args);
  va_end(args);
  return out;
}

namespace {

// CLI11's formatter with the value types in the help's language: "TEXT:{es,en}"
// reads "TEXTO:{es,en}", "INT in [1 - 500]" reads "ENTERO [1 - 500]" (CLI11
// 2.1 glues the validators' English descriptions to the type name).
class LocalizedFormatter : public CLI::Formatter {
 public:
  std::string make_option_opts(const CLI::Option* opt) const override {
    if (!opt->get_option_text().empty()) return " " + opt->get_option_text();
    std::ostringstream out;
    if (opt->get_type_size() != 0) {
      if (!opt->get_type_name().empty()) out << " " << type_text(opt->get_type_name());
      if (!opt->get_default_str().empty()) out << "=" << opt->get_default_str();
      if (opt->get_expected_max() == CLI::detail::expected_max_vector_size)
        out << " ...";
      else if (opt->get_expected_min() > 1)
        out << " x " << opt->get_expected();
      if (opt->get_required()) out << " " << get_label("REQUIRED");
    }
    if (!opt->get_envname().empty()) out << " (" << get_label("Env") << ":" << opt->get_envname() << ")";
    if (!opt->get_needs().empty()) {
      out << " " << get_label("Needs") << ":";
      for (const CLI::Option* op : opt->get_needs()) out << " " << op->get_name();
    }
    if (!opt->get_excludes().empty()) {
      out << " " << get_label("Excludes") << ":";
      for (const CLI::Option* op : opt->get_excludes()) out << " " << op->get_name();
    }
    return out.str();
  }

 private:
  // One part of a type name: a bare type ("INT"), a range ("INT in [0 - 65535]"), a set ("{es,en}").
  std::string part_text(const std::string& part) const {
    if (auto in = part.find(" in ["); in != std::string::npos)
      return get_label(part.substr(0, in)) + " " + part.substr(in + 4);
    if (part == "POSITIVE") return ">0";  // the same in both languages
    return get_label(part);
  }
  std::string type_text(const std::string& full) const {
    std::string out;
    std::size_t pos = 0;
    while (pos <= full.size()) {
      std::size_t colon = full.find(':', pos);
      if (colon == std::string::npos) colon = full.size();
      const std::string part = full.substr(pos, colon - pos);
      // "INT:INT in [1 - 500]": the range repeats the type; keep it once.
      std::string text = part_text(part);
      if (!out.empty() && part.find(" in [") != std::string::npos) {
        out += " " + part.substr(part.find(" in [") + 4);
      } else {
        out += (out.empty() ? "" : ":") + text;
      }
      pos = colon + 1;
    }
    return out;
  }
};

}  // namespace

void localize_help(CLI::App& app, Lang lang) {
  auto formatter = std::make_shared<LocalizedFormatter>();
  const std::pair<const char*, H> labels[] = {
      {"Usage", H::LblUsage},       {"OPTIONS", H::LblOptionsBadge}, {"SUBCOMMAND", H::LblSubcommand},
      {"SUBCOMMANDS", H::LblSubcommands}, {"Positionals", H::LblPositionals}, {"REQUIRED", H::LblRequired},
      {"Env", H::LblEnv},           {"Needs", H::LblNeeds},          {"Excludes", H::LblExcludes},
      {"TEXT", H::LblText},         {"INT", H::LblInt},              {"UINT", H::LblUint},
      {"FLOAT", H::LblFloat},       {"NUMBER", H::LblNumber}};
  for (const auto& [key, text] : labels) formatter->label(key, hx(lang, text));
  app.formatter(formatter);
  app.description(hx(lang, H::Program));
  app.option_defaults()->group(hx(lang, H::GroupOptions));
  app.set_help_flag("-h,--help", hx(lang, H::HelpFlag));
  app.group(hx(lang, H::GroupSubcommands));
}

void localize_commands_help(CLI::App& app, Lang lang) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (CLI::Option* help = sub->get_help_ptr()) help->group(hx(lang, H::GroupOptions));
    localize_commands_help(*sub, lang);
  }
}

namespace {

std::string after(const std::string& text, const std::string& marker) {
  auto at = text.find(marker);
  return at == std::string::npos ? std::string() : text.substr(at + marker.size());
}

bool is_number(const std::string& text) {
  if (text.empty()) return false;
  char* end = nullptr;
  std::strtod(text.c_str(), &end);
  return end && *end == '\0';
}

// The option or positional named `name` in `app`, for its type and description.
const CLI::Option* find_option(const CLI::App* app, const std::string& name) {
  for (; app; app = app->get_parent())
    for (const CLI::Option* opt : app->get_options())
      if (opt->check_name(name) || opt->get_name() == name) return opt;
  return nullptr;
}

std::string message(Lang lang, const CLI::ParseError& error, const CLI::App* app) {
  const std::string what = error.what();
  const std::string head = what.substr(0, what.find(':'));
  if (dynamic_cast<const CLI::ExtrasError*>(&error)) {
    std::string args = after(what, "expected: ");
    const bool many = args.find(' ') != std::string::npos;
    return hxf(lang, many ? H::ErrUnexpectedMany : H::ErrUnexpected, args.c_str());
  }
  if (dynamic_cast<const CLI::RequiredError*>(&error)) {
    if (auto is = what.rfind(" is required"); is != std::string::npos && is + 12 == what.size())
      return hxf(lang, H::ErrRequired, what.substr(0, is).c_str());
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
    if (what.find("required") != std::string::npos && what.find("missing") != std::string::npos)
      return hxf(lang, H::ErrNeedsValue, head.c_str());
    if (what.find("flag override") != std::string::npos)
      return hxf(lang, H::ErrFlagTakesNoValue, what.substr(0, what.find(' ')).c_str());
  }
  if (dynamic_cast<const CLI::ExcludesError*>(&error)) {
    if (auto at = what.find(" excludes "); at != std::string::npos)
      return hxf(lang, H::ErrExcludes, what.substr(0, at).c_str(), what.substr(at + 10).c_str());
  }
  if (dynamic_cast<const CLI::RequiresError*>(&error)) {
    if (auto at = what.find(" requires "); at != std::string::npos)
      return hxf(lang, H::ErrRequires, what.substr(0, at).c_str(), what.substr(at + 10).c_str());
  }
  if (dynamic_cast<const CLI::ConversionError*>(&error)) {
    if (what.find("too many inputs for a flag") != std::string::npos || what.find("true/false") != std::string::npos)
      return hxf(lang, H::ErrFlagTakesNoValue, head.c_str());
    if (std::string rest = after(what, "Could not convert: "); !rest.empty()) {
      auto eq = rest.find(" = ");
      const std::string name = rest.substr(0, eq);
      const std::string value = eq == std::string::npos ? "" : rest.substr(eq + 3);
      const CLI::Option* opt = find_option(app, name);
      const bool integer = opt && (opt->get_type_name().starts_with("INT") || opt->get_type_name().starts_with("UINT"));
      return hxf(lang, H::ErrNotConverted, name.c_str(), value.c_str(),
                 hx(lang, integer ? H::TypeInteger : H::TypeNumber));
    }
  }
  if (dynamic_cast<const CLI::ValidationError*>(&error)) {
    const std::string detail = after(what, ": ");
    if (auto at = detail.find(" not in {"); at != std::string::npos)
      return hxf(lang, H::ErrNotAmong, head.c_str(), detail.substr(0, at).c_str(), detail.substr(at + 8).c_str());
    if (detail.starts_with("Value ")) {
      if (auto at = detail.find(" not in range "); at != std::string::npos) {
        const std::string value = detail.substr(6, at - 6);
        const std::string range = detail.substr(at + 14);
        const auto to = range.find(" to ");
        const std::string low = range.substr(0, to), high = to == std::string::npos ? "" : range.substr(to + 4);
        if (high.size() > 20) return hxf(lang, H::ErrNotPositive, head.c_str(), value.c_str());  // PositiveNumber
        if (!is_number(value))
          return hxf(lang, H::ErrNotConverted, head.c_str(), value.c_str(), hx(lang, H::TypeInteger));
        return hxf(lang, H::ErrOutOfRange, head.c_str(), value.c_str(), low.c_str(), high.c_str());
      }
    }
  }
  return hxf(lang, H::ErrOther, what.c_str());
}

}  // namespace

std::string parse_error_text(Lang lang, const CLI::ParseError& error, const CLI::App* app) {
  std::string where = "facilita";
  if (app && app->get_parent()) where += " " + app->get_name();
  return where + ": " + hx(lang, H::ErrPrefix) + ": " + message(lang, error, app) + "\n" + hx(lang, H::ErrSeeHelp) +
         "\n";
}

}  // namespace facilita
