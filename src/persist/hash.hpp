// SHA-256 of a session file's bytes, to tell which exact file a delivery ran
// and to derive short stable pseudonym suffixes. OpenSSL's EVP does the work.
#pragma once
#include <string>
#include <string_view>

namespace facilita {

// 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

}  // namespace facilita
