#!/usr/bin/env python3
"""Developer aid: print the source position every CHECK line of a test points
at (line from [[@LINE+-N]], column), with a caret, to review columns by eye.

usage: show_positions.py TEST.cpp...
"""
import re
import sys

POS = re.compile(r"//\s*(CHECK-[A-Z0-9-]*):\s*:\[\[@LINE([+-]\d+)?\]\]:(\d+): (.*)")

for path in sys.argv[1:]:
    lines = open(path).read().split("\n")
    for i, text in enumerate(lines, 1):
        m = POS.search(text)
        if not m:
            continue
        target = i + int(m.group(2) or 0)
        col = int(m.group(3))
        src = lines[target - 1] if 0 < target <= len(lines) else "<no such line>"
        print("%s:%d -> %d:%d  %s" % (path, i, target, col, m.group(4)[:90]))
        print("    | " + src)
        print("    | " + " " * (col - 1) + "^" + ("  <-- past the end" if col > len(src) else ""))
