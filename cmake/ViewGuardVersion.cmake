# The version that `viewguard --version`, the clang-tidy module
# (`viewguard.Version` in `clang-tidy-19 --load=... --dump-config`) and SARIF's
# tool.driver.version report: "<PROJECT_VERSION>+<commit>", the commit being
# `git describe --always --dirty` of the sources when CMake configures, or
# "unknown" outside a git checkout of this project.
#
# Sets VIEWGUARD_GIT_COMMIT and VIEWGUARD_FULL_VERSION. CMake configures
# again when HEAD moves (a commit, a checkout), so the commit stays current;
# "-dirty" is as of the last configure.

set(VIEWGUARD_GIT_COMMIT unknown)
find_package(Git QUIET)
if(GIT_EXECUTABLE)
  # Only this project's own checkout: sources unpacked inside another
  # repository must not report that repository's commit.
  execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --show-toplevel
                  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                  OUTPUT_VARIABLE _vg_toplevel
                  OUTPUT_STRIP_TRAILING_WHITESPACE
                  RESULT_VARIABLE _vg_rc ERROR_QUIET)
  if(_vg_rc EQUAL 0)
    file(REAL_PATH "${_vg_toplevel}" _vg_toplevel)
    file(REAL_PATH "${PROJECT_SOURCE_DIR}" _vg_source)
  endif()
  if(_vg_rc EQUAL 0 AND _vg_toplevel STREQUAL _vg_source)
    execute_process(COMMAND ${GIT_EXECUTABLE} describe --always --dirty
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE _vg_describe
                    OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE _vg_rc ERROR_QUIET)
    if(_vg_rc EQUAL 0 AND NOT _vg_describe STREQUAL "")
      # SemVer build metadata allows [0-9A-Za-z-.] only.
      string(REGEX REPLACE "[^0-9A-Za-z.-]" "-" VIEWGUARD_GIT_COMMIT
                           "${_vg_describe}")
    endif()
    execute_process(COMMAND ${GIT_EXECUTABLE} rev-parse --absolute-git-dir
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE _vg_git_dir
                    OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE _vg_rc ERROR_QUIET)
    if(_vg_rc EQUAL 0)
      foreach(_vg_file HEAD logs/HEAD)
        if(EXISTS "${_vg_git_dir}/${_vg_file}")
          set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                       "${_vg_git_dir}/${_vg_file}")
        endif()
      endforeach()
    endif()
  endif()
endif()
set(VIEWGUARD_FULL_VERSION "${PROJECT_VERSION}+${VIEWGUARD_GIT_COMMIT}")
message(STATUS "viewguard version ${VIEWGUARD_FULL_VERSION}")
