// nd/errors.hpp: the exceptions nd throws.
//
// nd never has undefined behaviour on bad input: every index, shape, axis and
// broadcast is checked and reported with one of these, with a message that
// names the offending shapes or indices the way NumPy's does.
#pragma once

#include <stdexcept>
#include <string>

namespace nd {

/// An index out of range, too many indices, a wrong number of indices for
/// element access, a boolean mask of the wrong shape (NumPy's IndexError).
struct index_error : std::out_of_range {
  using std::out_of_range::out_of_range;
};

/// An axis argument out of range (NumPy's AxisError, which is also an
/// IndexError there).
struct axis_error : index_error {
  using index_error::index_error;
};

/// A bad value: slice step 0, a reshape to a different size, negative
/// dimensions, a reduction over an empty array (NumPy's ValueError).
struct value_error : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

/// Shapes that cannot be broadcast together, or an operand that cannot be
/// broadcast into a destination (NumPy's ValueError for broadcasting).
struct shape_error : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

/// nd::shares_memory gave up: the exact overlap problem needs more work than
/// the max_work bound allows (NumPy's TooHardError).
struct too_hard_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

} // namespace nd
