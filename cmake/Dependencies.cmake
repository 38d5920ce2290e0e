# One imported target per system dependency (all from Debian 12 packages).
find_package(yaml-cpp REQUIRED)
find_package(nlohmann_json REQUIRED)
find_package(CLI11 REQUIRED)
find_package(doctest REQUIRED)
find_package(PkgConfig REQUIRED)
if(FACILITA_GUI)
  include(${CMAKE_CURRENT_LIST_DIR}/GuiDependencies.cmake)
endif()
