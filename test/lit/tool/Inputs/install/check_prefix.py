#!/usr/bin/env python3
"""Checks an installed tree: prints its files (relative to the prefix, the
documentation pages summarised) and fails when a file contains one of the
forbidden paths (the build and source directories: an installation must not
depend on the checkout it came from).

    check_prefix.py PREFIX FORBIDDEN_PATH...
"""
import os
import sys


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    prefix = sys.argv[1]
    forbidden = set()
    for path in sys.argv[2:]:
        for p in (os.path.abspath(path), os.path.realpath(path)):
            forbidden.add(p.rstrip("/").encode())
    files = []
    bad = []
    docs = 0
    for root, dirs, names in os.walk(prefix):
        dirs.sort()
        rel_root = os.path.relpath(root, prefix)
        if not names and not dirs:
            files.append(rel_root + "/")
        for name in sorted(names):
            path = os.path.join(root, name)
            rel = os.path.relpath(path, prefix)
            if os.path.islink(path):
                bad.append("%s: a symbolic link (to %s)" % (rel, os.readlink(path)))
                continue
            with open(path, "rb") as f:
                data = f.read()
            for p in forbidden:
                if p in data:
                    bad.append("%s: contains %s" % (rel, p.decode()))
            if rel.startswith("share/doc/viewguard/"):
                docs += 1
            else:
                files.append(rel)
    for rel in files:
        print(rel)
    print("share/doc/viewguard: %d files" % docs)
    for line in bad:
        print("error: " + line)
    if bad:
        sys.exit(1)
    print("no file contains: " + ", ".join(sorted(p.decode() for p in forbidden)))


if __name__ == "__main__":
    main()
