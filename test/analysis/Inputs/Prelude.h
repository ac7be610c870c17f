// The declarations every analysis test program starts with (the fixture
// includes this file, precompiled when it can): nd, the named points, and a
// few functions the analysis cannot see into.
#pragma once
#include <nd/nd.hpp>

/// A named program point: the tests read the state before this call.
void point(const char *name);

/// Reads its argument (a const reference to an unknown callee).
void use(const nd::array<int> &);
void use(const nd::array<double> &);
/// Unknown callees that may write their argument.
void sink(nd::array<int>);
void touch(nd::array<int> &);
/// Returns an array the analysis knows nothing about.
nd::array<int> make();
