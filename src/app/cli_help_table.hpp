// The indexed tables of the command-line help, one per language (core/keyed_table.hpp).
#pragma once
#include "core/keyed_table.hpp"
#include "app/cli_help.hpp"

namespace facilita {

using IndexedHelp = KeyedTable<H>;

const IndexedHelp& spanish_help();
const IndexedHelp& english_help();

}  // namespace facilita
