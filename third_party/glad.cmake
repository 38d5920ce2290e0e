# OpenGL 3.3 core loader, generated at build time by python3-glad (glad 2).
# --reproducible makes glad use the Khronos specs bundled with the package
# instead of fetching the latest ones (builds run offline).
find_program(GLAD_EXECUTABLE glad REQUIRED)

set(FACILITA_GLAD_DIR ${CMAKE_BINARY_DIR}/generated/glad)
add_custom_command(
  OUTPUT ${FACILITA_GLAD_DIR}/src/gl.c ${FACILITA_GLAD_DIR}/include/glad/gl.h
  COMMAND ${GLAD_EXECUTABLE} --api gl:core=3.3 --out-path ${FACILITA_GLAD_DIR} --reproducible --quiet c
  COMMENT "Generating the OpenGL 3.3 core loader with glad"
  VERBATIM)

add_library(glad STATIC ${FACILITA_GLAD_DIR}/src/gl.c)
target_include_directories(glad SYSTEM PUBLIC ${FACILITA_GLAD_DIR}/include)
set_target_properties(glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
