# Dependencies of the ImGui console (FACILITA_GUI): one imported target each,
# all from Debian 12 packages (libimgui-dev, libglfw3-dev, libstb-dev,
# libmd4c-dev, python3-glad, portaudio19-dev).
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)       # static, GLFW + OpenGL3 backends inside
pkg_check_modules(GLFW3 REQUIRED IMPORTED_TARGET glfw3)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
# The cue chime (portaudio19-dev). Without a sound card its ALSA and JACK
# backends print a screenful on stderr; the chime silences them through their
# own error hooks (libasound2-dev; libjack-jackd2-dev, when present).
pkg_check_modules(PORTAUDIO REQUIRED IMPORTED_TARGET portaudio-2.0)
pkg_check_modules(ALSA REQUIRED IMPORTED_TARGET alsa)
pkg_check_modules(JACK IMPORTED_TARGET jack)
find_package(OpenGL REQUIRED)

add_library(imgui INTERFACE)
target_link_libraries(imgui INTERFACE PkgConfig::IMGUI PkgConfig::STB PkgConfig::GLFW3 OpenGL::GL ${CMAKE_DL_LIBS})

include(${CMAKE_CURRENT_LIST_DIR}/glad.cmake)
