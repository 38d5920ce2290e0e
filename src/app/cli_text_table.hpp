// The indexed tables of the commands' texts, one per language (core/keyed_table.hpp).
#pragma once
#include "core/keyed_table.hpp"
#include "app/cli_text.hpp"

namespace facilita {

using IndexedTexts = KeyedTable<T>;

const IndexedTexts& spanish_texts();
const IndexedTexts& english_texts();

}  // namespace facilita
