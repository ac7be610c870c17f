// nd/annotations.hpp: how an array library tells viewguard about its API.
//
// viewguard holds no list of function names. A library describes its own API
// with `[[clang::annotate("viewguard::...")]]` attributes, the way
// `[[gsl::Pointer]]` describes a pointer-like type to Clang's lifetime checks.
// Every attribute is spelled once, here, behind a macro that expands to
// nothing on compilers without `clang::annotate`. docs/annotations.md is the
// guide for authors of other libraries.
//
// Vocabulary (the string each macro attaches):
//
//   viewguard::array                 on a class: a reference-semantics array
//                                    handle; copying the handle shares memory.
//   viewguard::returns_view          the result shares memory with the source
//                                    (the object of a member function, else the
//                                    first array parameter); layout preserved.
//   viewguard::returns_view:permuted as above; axes permuted (T, transpose,
//                                    swapaxes): not contiguous when ndim >= 2.
//   viewguard::returns_view:indexed  as above; basic indexing whose arguments
//                                    (integers, slice, all, newaxis) decide the
//                                    layout of the result.
//   viewguard::returns_view_or_copy  a view when the source layout allows it,
//                                    else a copy (reshape, ravel).
//   viewguard::returns_copy:<how>    a new buffer filled from the source; <how>
//                                    names the derivation for diagnostics
//                                    ("fancy indexing", "mask indexing",
//                                    "flatten()", "arithmetic"). The kind
//                                    "explicit" marks a deliberate copy().
//   viewguard::returns_owner         a new buffer derived from no array
//                                    (factories: zeros, arange, ...).
//   viewguard::writes                writes the elements of its object.
//   viewguard::element               returns a reference to one element of its
//                                    object (a write to it writes the object).
//   viewguard::metadata              reads only shape/strides/identity, never
//                                    element values (not a "read").
//   viewguard::index:slice|all|newaxis|placeholder
//                                    on index types used by basic indexing.
#pragma once

#if defined(__clang__) && defined(__has_cpp_attribute)
#if __has_cpp_attribute(clang::annotate)
#define ND_VG_ANNOTATE(what) [[clang::annotate(what)]]
#endif
#endif
#ifndef ND_VG_ANNOTATE
#define ND_VG_ANNOTATE(what)
#endif

/// On the array class: a handle type whose copies share memory.
#define ND_ARRAY_TYPE ND_VG_ANNOTATE("viewguard::array")
/// The result is a view of the source, with the source's layout.
#define ND_RETURNS_VIEW ND_VG_ANNOTATE("viewguard::returns_view")
/// The result is a view with permuted axes (T, transpose, swapaxes).
#define ND_RETURNS_VIEW_PERMUTED ND_VG_ANNOTATE("viewguard::returns_view:permuted")
/// The result is a view selected by basic indexing arguments.
#define ND_RETURNS_VIEW_INDEXED ND_VG_ANNOTATE("viewguard::returns_view:indexed")
/// The result is a view when the layout allows it, else a copy.
#define ND_RETURNS_VIEW_OR_COPY ND_VG_ANNOTATE("viewguard::returns_view_or_copy")
/// The result is a copy of the source; `how` is a string literal naming the
/// derivation, e.g. ND_RETURNS_COPY("fancy indexing").
#define ND_RETURNS_COPY(how) ND_VG_ANNOTATE("viewguard::returns_copy:" how)
/// The result is a fresh array derived from no other array.
#define ND_RETURNS_OWNER ND_VG_ANNOTATE("viewguard::returns_owner")
/// The function writes the elements of its object.
#define ND_WRITES ND_VG_ANNOTATE("viewguard::writes")
/// The function returns a reference to one element of its object.
#define ND_ELEMENT ND_VG_ANNOTATE("viewguard::element")
/// The function looks only at metadata (shape, strides, identity).
#define ND_METADATA ND_VG_ANNOTATE("viewguard::metadata")
/// On index types of basic indexing.
#define ND_INDEX_SLICE ND_VG_ANNOTATE("viewguard::index:slice")
#define ND_INDEX_ALL ND_VG_ANNOTATE("viewguard::index:all")
#define ND_INDEX_NEWAXIS ND_VG_ANNOTATE("viewguard::index:newaxis")
#define ND_INDEX_PLACEHOLDER ND_VG_ANNOTATE("viewguard::index:placeholder")
