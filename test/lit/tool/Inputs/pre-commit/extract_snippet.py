#!/usr/bin/python3
"""Copies a fenced code block out of a Markdown page; used by pre-commit.test
so that the hook it installs is the one docs/ci.md shows.

usage: extract_snippet.py PAGE.md MARKER OUT

Writes the first ``` block after the first line that contains MARKER to
OUT, and makes OUT executable.
"""

import os
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    page, marker, out = sys.argv[1:]
    with open(page, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start = next((i for i, l in enumerate(lines) if marker in l), None)
    if start is None:
        sys.exit("extract_snippet.py: %r not found in %s" % (marker, page))
    fence = next((i for i in range(start + 1, len(lines))
                  if lines[i].startswith("```")), None)
    if fence is None:
        sys.exit("extract_snippet.py: no code block after %r in %s" % (marker, page))
    end = next((i for i in range(fence + 1, len(lines))
                if lines[i].startswith("```")), None)
    if end is None:
        sys.exit("extract_snippet.py: unterminated code block in %s" % page)
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines[fence + 1:end]) + "\n")
    os.chmod(out, 0o755)
    return 0


if __name__ == "__main__":
    sys.exit(main())
