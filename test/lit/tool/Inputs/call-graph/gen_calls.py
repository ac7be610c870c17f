#!/usr/bin/python3
"""Generates translation units with large call graphs for call-graph.test.

usage: gen_calls.py dag LAYERS WIDTH OUT.cpp
       gen_calls.py chain LENGTH OUT.cpp

dag: LAYERS layers of WIDTH functions; every function calls every function
of the next layer with its array parameter, and the last layer writes it.
chain: f0 calls f1 calls ... f<LENGTH>, which writes its parameter.
Both end with top(), which passes a view of a local array to the first
function and then reads the view and the array: a write through the view
when the summaries carry the write up the call graph.
"""

import sys


def top(first):
    return ("void use(const nd::array<int> &);\n"
            "void top() {\n"
            "  nd::array<int> data = {1, 2, 3, 4};\n"
            "  auto v = data(nd::slice(0, 2));\n"
            "  %s(v);\n"
            "  use(v);\n"
            "  use(data);\n"
            "}\n" % first)


def dag(layers, width):
    out = ["#include <nd/nd.hpp>\n"]
    for l in range(layers + 1):
        for w in range(width):
            out.append("void g%d_%d(nd::array<int> &a);\n" % (l, w))
    for l in range(layers):
        for w in range(width):
            calls = " ".join("g%d_%d(a);" % (l + 1, k) for k in range(width))
            out.append("void g%d_%d(nd::array<int> &a) { %s }\n" % (l, w, calls))
    for w in range(width):
        out.append("void g%d_%d(nd::array<int> &a) { a.fill(0); }\n" % (layers, w))
    out.append(top("g0_0"))
    return "".join(out)


def chain(length):
    out = ["#include <nd/nd.hpp>\n"]
    for i in range(length + 1):
        out.append("void f%d(nd::array<int> &a);\n" % i)
    for i in range(length):
        out.append("void f%d(nd::array<int> &a) { f%d(a); }\n" % (i, i + 1))
    out.append("void f%d(nd::array<int> &a) { a.fill(0); }\n" % length)
    out.append(top("f0"))
    return "".join(out)


def main():
    a = sys.argv[1:]
    if len(a) == 4 and a[0] == "dag":
        text, path = dag(int(a[1]), int(a[2])), a[3]
    elif len(a) == 3 and a[0] == "chain":
        text, path = chain(int(a[1])), a[2]
    else:
        sys.exit(__doc__)
    with open(path, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
