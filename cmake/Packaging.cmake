# SPDX-License-Identifier: MIT
# Fitting the Linux desktop: the launcher entry, the AppStream metadata software centres show,
# the icon, and a .deb made with CPack:
#   cmake --preset release && cmake --build build/release && (cd build/release && cpack -G DEB)
include(GNUInstallDirs)

if(ATTUNE_BUILD_GUI)
  # The desktop file keeps the name the app gives Qt (setDesktopFileName("attune")), so the
  # window is matched to its launcher; the metainfo is named after its AppStream id.
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/attune.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/attune.metainfo.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo
          RENAME io.github.attune.Attune.metainfo.xml)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/attune.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
endif()

set(CPACK_PACKAGE_NAME attune)
set(CPACK_PACKAGE_VENDOR "The Attune authors")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY attune)
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)

set(CPACK_DEBIAN_PACKAGE_NAME attune)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # attune_0.1.0_amd64.deb
# ".invalid" is reserved for names that lead nowhere: there is no public address yet.
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "The Attune authors <maintainers@attune.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The summary line comes from CPACK_PACKAGE_DESCRIPTION_SUMMARY; CPack indents these lines.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Attune helps a parent stay connected with each child: daily one-on-one time,
what helps each child feel safe, a notebook of strengths and interests, and a
gentle way to think back after a hard moment. Everything stays in one SQLite
file on this computer. Includes the attune-cli command-line tool.")
# On a Wayland session Qt runs natively with its Wayland plugin; without it, through XWayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS qt6-wayland)
# Library dependencies (Qt, SQLite, spdlog, fmt…) are read from the binaries when the tool is
# there; otherwise the package says nothing it cannot know.
find_program(ATTUNE_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(ATTUNE_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  message(STATUS "dpkg-shlibdeps not found: the .deb will not list its library dependencies")
endif()

include(CPack)
