# `cmake --install` and the Debian package (CPack DEB, scripts/package).
# Layout under the prefix (/usr in the package):
#   bin/facilita
#   share/facilita/{web,sessions,schema}   found by src/app/install_paths.hpp
#   share/applications/facilita.desktop, share/icons/hicolor/scalable/apps/facilita.svg
#   share/man/man1/facilita.1.gz, share/bash-completion/completions/facilita
#   share/doc/facilita/{copyright,changelog.Debian.gz}
include(GNUInstallDirs)
set(FACILITA_SHARE ${CMAKE_INSTALL_DATADIR}/facilita)

install(TARGETS facilita RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/web/ DESTINATION ${FACILITA_SHARE}/web)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/schema/ DESTINATION ${FACILITA_SHARE}/schema)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/sessions/ DESTINATION ${FACILITA_SHARE}/sessions
  FILES_MATCHING PATTERN "*.yaml" PATTERN "*.md")
install(FILES ${PROJECT_SOURCE_DIR}/packaging/facilita.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/facilita.svg
  DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/facilita.bash-completion
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME facilita)

# Debian wants the man page and the changelog gzipped (-n: no name or time, reproducible).
find_program(GZIP_EXECUTABLE gzip REQUIRED)
set(FACILITA_PKG_DIR ${CMAKE_BINARY_DIR}/packaging)
add_custom_command(OUTPUT ${FACILITA_PKG_DIR}/facilita.1.gz ${FACILITA_PKG_DIR}/changelog.Debian.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${FACILITA_PKG_DIR}
  COMMAND ${GZIP_EXECUTABLE} -9nc ${PROJECT_SOURCE_DIR}/packaging/facilita.1 > ${FACILITA_PKG_DIR}/facilita.1.gz
  COMMAND ${GZIP_EXECUTABLE} -9nc ${PROJECT_SOURCE_DIR}/packaging/changelog > ${FACILITA_PKG_DIR}/changelog.Debian.gz
  DEPENDS ${PROJECT_SOURCE_DIR}/packaging/facilita.1 ${PROJECT_SOURCE_DIR}/packaging/changelog
  COMMENT "Compressing the man page and the Debian changelog")
add_custom_target(facilita_docs ALL DEPENDS ${FACILITA_PKG_DIR}/facilita.1.gz ${FACILITA_PKG_DIR}/changelog.Debian.gz)
install(FILES ${FACILITA_PKG_DIR}/facilita.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/copyright ${FACILITA_PKG_DIR}/changelog.Debian.gz
  DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME facilita)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Facilita <dev@facilita.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "run timed training sessions in a room, offline")
set(CPACK_PACKAGE_DESCRIPTION "Facilita runs a timed training session written in YAML: a
facilitator console with the agenda and clock, a projector view, and
fellows who join from their phones' browsers over the local network
(questions, quizzes, feedback). Everything is recorded in a local
journal; reports and exports are made from it. No internet needed.")
# Debian revision 1 (packaging/changelog): facilita_0.1.0-1_amd64.deb
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://example.org/facilita")
# Shared libraries from dpkg-shlibdeps; the fonts are read at run time, not linked.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-noto-core, fonts-dejavu-core")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
