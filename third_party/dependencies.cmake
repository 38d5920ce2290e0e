# Every external library Facilita uses, one imported target each, all from
# Debian 12 packages (see third_party/README.md for the table). The layers
# under src/ link these targets and never search for a library themselves.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(yaml-cpp REQUIRED)                       # libyaml-cpp-dev
find_package(nlohmann_json REQUIRED)                  # nlohmann-json3-dev
find_package(CLI11 REQUIRED)                          # libcli11-dev
find_package(doctest REQUIRED)                        # doctest-dev
find_package(Boost 1.74 REQUIRED)                     # libboost-dev (Beast, Asio: header only)
find_package(ZLIB REQUIRED)                           # zlib1g-dev
find_package(SQLite3 REQUIRED)                        # libsqlite3-dev
find_package(OpenSSL REQUIRED COMPONENTS Crypto)      # libssl-dev
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET GLOBAL libqrencode)  # libqrencode-dev
pkg_check_modules(MD4C REQUIRED IMPORTED_TARGET GLOBAL md4c)                # libmd4c-dev
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET GLOBAL pangocairo cairo-pdf)  # libpango1.0-dev libcairo2-dev
if(FACILITA_GUI)
  include(${CMAKE_CURRENT_LIST_DIR}/gui.cmake)
endif()
