// The indexed tables of the validator messages, one per language (core/keyed_table.hpp).
#pragma once
#include "core/keyed_table.hpp"
#include "core/messages.hpp"

namespace facilita {

using IndexedMessages = KeyedTable<M>;

const IndexedMessages& spanish_messages();
const IndexedMessages& english_messages();

}  // namespace facilita
