#!/usr/bin/python3
"""Writes or extends a compile_commands.json; used by the tool tests that
need a compilation database (parallel, run-clang-tidy, robustness).

usage: make_compdb.py [--append] [--exclude SUBSTRING]... DB.json PATH... -- FLAG...

Every PATH that is a .cpp file, and every .cpp file under a PATH that is a
directory (recursively, sorted), gets an entry compiled with
`clang++-19 FLAG... -c FILE` in the directory of DB.json. FLAGs are kept
verbatim (no shell quoting: '-DNAME="text"' is one argument).
"""

import json
import os
import sys


def main():
    args = sys.argv[1:]
    if "--" not in args:
        sys.exit(__doc__)
    sep = args.index("--")
    head, flags = args[:sep], args[sep + 1:]
    append = False
    excludes = []
    rest = []
    i = 0
    while i < len(head):
        if head[i] == "--append":
            append = True
        elif head[i] == "--exclude":
            i += 1
            excludes.append(head[i])
        else:
            rest.append(head[i])
        i += 1
    if len(rest) < 2:
        sys.exit(__doc__)
    db_path, paths = os.path.abspath(rest[0]), rest[1:]
    files = []
    for p in paths:
        p = os.path.abspath(p)
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs.sort()
                files += [os.path.join(root, n) for n in sorted(names)
                          if n.endswith(".cpp")]
        elif os.path.isfile(p):
            files.append(p)
        else:
            sys.exit("make_compdb.py: no such file or directory: %s" % p)
    files = [f for f in files if not any(e in f for e in excludes)]
    if not files:
        sys.exit("make_compdb.py: no .cpp files in %s" % " ".join(paths))
    entries = []
    if append and os.path.exists(db_path):
        with open(db_path) as f:
            entries = json.load(f)
    directory = os.path.dirname(db_path)
    for f in files:
        entries.append({
            "directory": directory,
            "file": f,
            "arguments": ["clang++-19"] + flags + ["-c", f],
        })
    os.makedirs(directory, exist_ok=True)
    with open(db_path, "w") as f:
        json.dump(entries, f, indent=2)
        f.write("\n")
    print("%s: %d entries" % (db_path, len(entries)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
