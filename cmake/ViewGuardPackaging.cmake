# Debian packages with CPack, one per install component (scripts/package):
#
#   viewguard_<version>_amd64.deb   bin/viewguard, lib/viewguard/ViewGuardTidyModule.so,
#                                   share/viewguard (models), share/doc/viewguard
#   libnd-dev_<version>_all.deb     nd's headers, CMake package, nd.pc
#
# installed under /usr. viewguard's dependencies are spelled out (no
# dpkg-shlibdeps): the Debian LLVM 19 runtime it links (libclang-cpp.so.19.1
# is in libclang-cpp19, libLLVM.so.19.1 in libllvm19), the clang-tidy-19 the
# module loads into, and libclang-common-19-dev, which holds Clang's resource
# directory (/usr/lib/llvm-19/lib/clang/19, builtin headers) that viewguard
# passes as -resource-dir. The lower bound is the version built against.

# "1:19.1.7" from the installed package's "1:19.1.7-3~deb12u1".
function(_viewguard_upstream_version package default out)
  set(_version "${default}")
  find_program(_vg_dpkg_query dpkg-query)
  if(_vg_dpkg_query)
    execute_process(COMMAND ${_vg_dpkg_query} -W -f=\${Version} ${package}
                    OUTPUT_VARIABLE _installed RESULT_VARIABLE _rc ERROR_QUIET)
    if(_rc EQUAL 0 AND _installed MATCHES "^(.+)-[^-]+$")
      set(_version "${CMAKE_MATCH_1}")
    elseif(_rc EQUAL 0 AND NOT _installed STREQUAL "")
      set(_version "${_installed}")
    endif()
  endif()
  set(${out} "${_version}" PARENT_SCOPE)
endfunction()

set(CPACK_PACKAGE_NAME viewguard)
set(CPACK_PACKAGE_VENDOR "viewguard")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT
    "viewguard maintainers <maintainers@users.noreply.h-seed-f2aa2418.example>")
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put it above every
# component's description; the first line of each description below is its
# package's synopsis.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
if(VIEWGUARD_ND_ONLY)
  set(CPACK_COMPONENTS_ALL nd)
else()
  set(CPACK_COMPONENTS_ALL viewguard nd)
endif()

# viewguard
_viewguard_upstream_version(clang-tidy-19 "1:19.1" _vg_llvm)
set(CPACK_DEBIAN_VIEWGUARD_PACKAGE_NAME viewguard)
set(CPACK_DEBIAN_VIEWGUARD_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_VIEWGUARD_PACKAGE_DEPENDS
    "clang-tidy-19 (>= ${_vg_llvm}), libclang-cpp19 (>= ${_vg_llvm}), libllvm19 (>= ${_vg_llvm}), libclang-common-19-dev (>= ${_vg_llvm}), libc6 (>= 2.34), libgcc-s1 (>= 3.0), libstdc++6 (>= 11)")
set(CPACK_DEBIAN_VIEWGUARD_PACKAGE_SUGGESTS "libnd-dev (= ${PROJECT_VERSION})")
set(CPACK_COMPONENT_VIEWGUARD_DESCRIPTION
    "finds accidental writes through array views in C++
viewguard reports writes through array views that change more, or less,
than intended: a write through a slice that also changes its source, a
write to a copy made by fancy or mask indexing that never reaches the
array it came from, a view read as a snapshot after its source changed.
It ships the clang-tidy checks viewguard-view-mutation,
viewguard-lost-write and viewguard-stale-view as the standalone
'viewguard' command and as a module for clang-tidy-19
(--load=/usr/lib/viewguard/ViewGuardTidyModule.so).")

# libnd-dev
set(CPACK_DEBIAN_ND_PACKAGE_NAME libnd-dev)
set(CPACK_DEBIAN_ND_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_ND_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_ND_PACKAGE_DEPENDS "")
set(CPACK_COMPONENT_ND_DESCRIPTION
    "header-only C++20 strided arrays with NumPy's copy/view semantics
nd is a header-only C++20 array library with NumPy's exact copy and view
semantics: slices and transposes are views, fancy and mask indexing make
copies. It comes with a CMake package (find_package(nd CONFIG REQUIRED),
target nd::nd) and a pkg-config file (pkg-config --cflags nd).")

include(CPack)
