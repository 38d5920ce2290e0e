// The indexed tables of the GUI strings, one per language (core/keyed_table.hpp).
#pragma once
#include "core/keyed_table.hpp"
#include "ui/strings.hpp"

namespace facilita::ui {

using IndexedStrings = KeyedTable<S>;

const IndexedStrings& spanish_strings();
const IndexedStrings& english_strings();

}  // namespace facilita::ui
