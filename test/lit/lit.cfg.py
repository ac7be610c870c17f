# -*- Python -*-
# lit configuration of the viewguard suite. The build directory's
# lit.site.cfg.py (from lit.site.cfg.py.in) sets the paths and loads this file.
# Running lit on the source directory works too: the paths then default to
# <source>/build.
#
# Parameters: --param tool=viewguard runs the check tests through the
# standalone binary instead of clang-tidy-19 with the plugin.

import os
import shlex

import lit.formats

config.name = "viewguard"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".cpp", ".test"]
config.excludes = ["Inputs", "utils", "CMakeLists.txt", "check_viewguard.py"]
config.test_source_root = os.path.dirname(os.path.abspath(__file__))

# Defaults for a run straight from the source tree.
_src = os.path.dirname(os.path.dirname(config.test_source_root))
_defaults = {
    "viewguard_source_dir": _src,
    "viewguard_binary_dir": os.path.join(_src, "build"),
    "viewguard_plugin": os.path.join(_src, "build", "lib", "ViewGuardTidyModule.so"),
    "viewguard_bin": os.path.join(_src, "build", "bin", "viewguard"),
    "nd_include": os.path.join(_src, "lib", "nd", "include"),
    "llvm_tools_dir": "/usr/lib/llvm-19/bin",
    "clang_tidy": "/usr/bin/clang-tidy-19",
    "clangxx": "/usr/bin/clang++-19",
    "python_executable": "/usr/bin/python3",
    "shared_dir": os.path.normpath(os.path.join(_src, "..", "shared")),
    "cases_dir": os.path.normpath(os.path.join(_src, "..", "shared", "cases")),
    "viewguard_lit_obj_root": None,
    "viewguard_version": None,
}
for _k, _v in _defaults.items():
    if not hasattr(config, _k):
        setattr(config, _k, _v)
config.test_exec_root = config.viewguard_lit_obj_root or config.test_source_root
if config.viewguard_version is None:
    # project(viewguard VERSION x.y.z ...) of the top-level CMakeLists.txt.
    import re
    with open(os.path.join(_src, "CMakeLists.txt")) as _f:
        _m = re.search(r"project\(viewguard\s+VERSION\s+([0-9.]+)", _f.read())
    config.viewguard_version = _m.group(1) if _m else "0"

# Nearly every test runs the plugin: without it, say so once. The standalone
# binary is needed by the tool tests (and by --param tool=viewguard); they
# fail on their own, with the path in the message, when it is missing.
if not os.path.isfile(config.viewguard_plugin):
    lit_config.fatal("plugin not found at %s: build the ViewGuardTidyModule "
                     "target first (ninja -C build, or ninja check-viewguard)"
                     % config.viewguard_plugin)
if not os.path.isfile(config.viewguard_bin):
    lit_config.warning("viewguard not found at %s: the tests that run it will "
                       "fail (build the viewguard target)" % config.viewguard_bin)

tool = lit_config.params.get("tool", "clang-tidy")
if tool not in ("clang-tidy", "viewguard"):
    lit_config.fatal("--param tool= must be clang-tidy or viewguard, not %r" % tool)

# FileCheck, not, count, split-file.
config.environment["PATH"] = os.pathsep.join(
    [config.llvm_tools_dir, os.environ.get("PATH", "/usr/bin:/bin")])
for _var in ("HOME", "TMPDIR", "LANG", "LC_ALL"):
    if _var in os.environ:
        config.environment[_var] = os.environ[_var]

q = shlex.quote
runner = os.path.join(config.test_source_root, "check_viewguard.py")
check_viewguard = " ".join([
    q(config.python_executable), q(runner),
    "--tool=" + tool,
    "--plugin=" + q(config.viewguard_plugin),
    "--viewguard=" + q(config.viewguard_bin),
    "--clang-tidy=" + q(config.clang_tidy),
    "--filecheck=" + q(os.path.join(config.llvm_tools_dir, "FileCheck")),
    "--nd-include=" + q(config.nd_include),
])

# The paths of every tool, as options of the scripts in utils/.
vgtools = " ".join([
    "--plugin=" + q(config.viewguard_plugin),
    "--viewguard=" + q(config.viewguard_bin),
    "--clang-tidy=" + q(config.clang_tidy),
    "--clangxx=" + q(config.clangxx),
    "--filecheck=" + q(os.path.join(config.llvm_tools_dir, "FileCheck")),
    "--nd-include=" + q(config.nd_include),
])

# Longest names first where one could be read as the start of another.
config.substitutions += [
    ("%vgtools", vgtools),
    ("%check_viewguard", check_viewguard),
    ("%viewguard", q(config.viewguard_bin)),
    ("%plugin", q(config.viewguard_plugin)),
    ("%clang_tidy", q(config.clang_tidy)),
    ("%clangxx", q(config.clangxx)),
    ("%nd_include", q(config.nd_include)),
    ("%python", q(config.python_executable)),
    ("%cases", q(config.cases_dir)),
    ("%shared", q(config.shared_dir)),
    ("%srcdir", q(config.viewguard_source_dir)),
    ("%vg_binary_dir", q(config.viewguard_binary_dir)),
    ("%{vg_version}", q(config.viewguard_version)),
    ("%vg_version", q(config.viewguard_version)),
    ("%examples", q(os.path.join(config.viewguard_source_dir, "examples"))),
    ("%utils", q(os.path.join(config.test_source_root, "utils"))),
    # Debian's real library headers (scripts/setup.sh installs them).
    ("%opencv_flags", "-std=c++17 -I/usr/include/opencv4"),
    ("%libtorch_flags", "-std=c++17"),
    ("%eigen_flags", "-std=c++17 -I/usr/include/eigen3"),
    # xtensor 0.24.3 needs it with Clang 19 (upstream issue 2804).
    ("%xtensor_flags", "-std=c++17 -fno-relaxed-template-template-args "
     "-Wno-deprecated-no-relaxed-template-template-args"),
]

config.available_features.add("tool-" + tool)
