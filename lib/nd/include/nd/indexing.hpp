// nd/indexing.hpp: advanced (fancy and mask) indexing, and put().
//
// NumPy's rules (numpy/core/src/multiarray/mapping.c):
//  - integer index arrays (nd::indices, nd::array<I>) and boolean masks are
//    advanced indices; a mask of k dimensions stands for its k nonzero()
//    coordinate arrays; when any advanced index is present, plain integers
//    count as (0-d) advanced indices too;
//  - all advanced indices broadcast together to a shape B;
//  - when the advanced indices are adjacent, B replaces them in the result;
//    when slices or newaxis separate them, B comes first;
//  - the result is always a copy. Its memory layout is NumPy's: B outermost,
//    the other dimensions in the memory order of the source, and, when B is
//    not first, the result is a transposed view of that allocation (so its
//    base() is the allocation, as in NumPy).
#pragma once

#include "nd/array.hpp"

#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace nd::detail {

/// One index argument, type-erased.
struct index_item {
  enum kind_t { integer, slice_k, newaxis_k, int_array, bool_array };
  kind_t kind = integer;
  std::ptrdiff_t value = 0;
  std::optional<nd::slice> sl;
  shape_t shape;                      // int_array / bool_array
  strides_t strides;                  // int_array: the layout of the index
  std::vector<std::ptrdiff_t> values; // C order; 0/1 for masks
};

template <index_integer I> index_item to_item(I i) {
  index_item it;
  it.kind = index_item::integer;
  it.value = clip_to_ptrdiff(i);
  return it;
}
inline index_item to_item(const nd::slice &s) {
  index_item it;
  it.kind = index_item::slice_k;
  it.sl = s;
  return it;
}
inline index_item to_item(all_t) { return to_item(nd::slice(_, _)); }
inline index_item to_item(newaxis_t) {
  index_item it;
  it.kind = index_item::newaxis_k;
  return it;
}
inline index_item to_item(const indices &ix) {
  index_item it;
  it.kind = index_item::int_array;
  it.shape = {static_cast<std::ptrdiff_t>(ix.values.size())};
  it.strides = {1};
  it.values = ix.values;
  return it;
}
template <index_integer I> index_item to_item(const array<I> &a) {
  index_item it;
  it.kind = index_item::int_array;
  it.shape = a.shape();
  it.strides = a.strides();
  it.values.reserve(static_cast<std::size_t>(a.size()));
  a.for_each([&](const I &v) { it.values.push_back(clip_to_ptrdiff(v)); });
  return it;
}
inline index_item to_item(const array<bool> &m) {
  index_item it;
  it.kind = index_item::bool_array;
  it.shape = m.shape();
  it.values.reserve(static_cast<std::size_t>(m.size()));
  m.for_each([&](const bool &v) { it.values.push_back(v ? 1 : 0); });
  return it;
}

/// The elements an advanced index selects, and NumPy's layout for them.
struct advanced_plan {
  shape_t result_shape;                // NumPy's result shape
  std::vector<std::ptrdiff_t> offsets; // source offsets, result C order
  shape_t bshape;                      // the broadcast advanced shape B
  shape_t sub_shape;                   // the remaining (subspace) dims
  strides_t sub_strides;               //   and their source strides
  std::size_t consec = 0;              // where B goes in the result
  strides_t index_order;               // B laid out like the index arrays
};

inline advanced_plan
plan_advanced(const shape_t &shape, const strides_t &strides,
              std::ptrdiff_t offset, std::vector<index_item> items,
              const std::function<void(const shape_t &)> &before_bounds = {}) {
  const std::size_t nd = shape.size();
  std::size_t used = 0;
  for (const auto &it : items) {
    if (it.kind == index_item::bool_array)
      used += it.shape.size();
    else if (it.kind != index_item::newaxis_k)
      ++used;
  }
  if (used > nd)
    throw_too_many(nd, used);
  advanced_plan p;
  for (std::size_t k = used; k < nd; ++k)
    items.push_back(to_item(all));

  struct component {
    shape_t shape;
    std::vector<std::ptrdiff_t> vals;
    std::ptrdiff_t stride;
    std::size_t axis;      // for the bounds check
    bool checked = false;  // integers and masks are in range already
    strides_t layout = {}; // the index array's own strides
  };
  std::vector<component> comps;
  std::ptrdiff_t base_off = offset;
  std::size_t axis = 0, result_dim = 0;
  int consec_status = -1;
  std::size_t consec = 0;
  for (const auto &it : items) {
    const bool fancy = it.kind == index_item::integer ||
                       it.kind == index_item::int_array ||
                       it.kind == index_item::bool_array;
    if (fancy) {
      if (consec_status == -1) {
        consec = result_dim;
        consec_status = 0;
      } else if (consec_status == 1) {
        consec_status = 2;
        consec = 0;
      }
    } else if (consec_status == 0) {
      consec_status = 1;
    }
    switch (it.kind) {
    case index_item::integer: {
      const auto v = check_index(it.value, axis, shape[axis]);
      base_off += v * strides[axis];
      ++axis;
      break;
    }
    case index_item::int_array: {
      comps.push_back(
          {it.shape, it.values, strides[axis], axis, false, it.strides});
      ++axis;
      break;
    }
    case index_item::bool_array: {
      const std::size_t k = it.shape.size();
      if (k == 0) {
        // A 0-d mask: a new axis of length 1 (true) or 0 (false).
        component c{{it.values[0] ? 1 : 0}, {}, 0, axis, true};
        if (it.values[0])
          c.vals.push_back(0);
        comps.push_back(std::move(c));
        break;
      }
      for (std::size_t i = 0; i < k; ++i)
        if (it.shape[i] != shape[axis + i])
          throw index_error(
              "boolean index did not match indexed array along dimension " +
              std::to_string(axis + i) + "; dimension is " +
              std::to_string(shape[axis + i]) +
              " but corresponding boolean dimension is " +
              std::to_string(it.shape[i]));
      std::ptrdiff_t count = 0;
      for (auto v : it.values)
        count += v;
      std::vector<component> nz(k);
      for (std::size_t i = 0; i < k; ++i) {
        nz[i].shape = {count};
        nz[i].stride = strides[axis + i];
        nz[i].axis = axis + i;
        nz[i].checked = true;
        nz[i].vals.reserve(static_cast<std::size_t>(count));
      }
      std::vector<std::ptrdiff_t> idx(k, 0);
      for (std::size_t flat = 0; flat < it.values.size(); ++flat) {
        if (it.values[flat])
          for (std::size_t i = 0; i < k; ++i)
            nz[i].vals.push_back(idx[i]);
        for (std::size_t i = k; i-- > 0;) {
          if (++idx[i] < it.shape[i])
            break;
          idx[i] = 0;
        }
      }
      for (auto &c : nz)
        comps.push_back(std::move(c));
      axis += k;
      break;
    }
    case index_item::slice_k: {
      const auto b = slice_on_axis(*it.sl, shape[axis]);
      base_off += b.start * strides[axis];
      p.sub_shape.push_back(b.length);
      p.sub_strides.push_back(wrap_mul<std::ptrdiff_t>(strides[axis], b.step));
      ++axis;
      ++result_dim;
      break;
    }
    case index_item::newaxis_k:
      p.sub_shape.push_back(1);
      p.sub_strides.push_back(0);
      ++result_dim;
      break;
    }
  }
  p.consec = consec_status == 2 ? 0 : consec;

  // Broadcast the advanced indices.
  shape_t b;
  try {
    for (const auto &c : comps)
      b = broadcast_shapes(b, c.shape);
  } catch (const shape_error &) {
    std::string msg = "shape mismatch: indexing arrays could not be "
                      "broadcast together with shapes";
    for (const auto &c : comps)
      msg += " " + shape_to_string(c.shape);
    throw index_error(msg);
  }
  // The result shape; then, as NumPy does, the caller checks its values
  // against it before the index arrays are checked against the bounds.
  const auto cut = static_cast<std::ptrdiff_t>(p.consec);
  const shape_t outer(p.sub_shape.begin(), p.sub_shape.begin() + cut);
  const strides_t outer_st(p.sub_strides.begin(), p.sub_strides.begin() + cut);
  const shape_t inner(p.sub_shape.begin() + cut, p.sub_shape.end());
  const strides_t inner_st(p.sub_strides.begin() + cut, p.sub_strides.end());
  p.result_shape = outer;
  p.result_shape.insert(p.result_shape.end(), b.begin(), b.end());
  p.result_shape.insert(p.result_shape.end(), inner.begin(), inner.end());
  if (before_bounds)
    before_bounds(p.result_shape);
  for (auto &c : comps)
    if (!c.checked)
      for (auto &v : c.vals)
        v = check_index(v, c.axis, shape[c.axis]);
  p.bshape = b;
  {
    // NumPy's NpyIter over the index arrays (order 'K') lays out B when no
    // subspace has to be iterated.
    std::vector<strides_t> ops;
    for (const auto &c : comps) {
      strides_t st;
      broadcast_strides_to(
          c.shape,
          c.layout.size() == c.shape.size() ? c.layout : c_strides(c.shape), b,
          st);
      ops.push_back(std::move(st));
    }
    p.index_order = ufunc_out_strides(b, ops);
  }
  const std::ptrdiff_t nb = shape_size(b);
  std::vector<std::ptrdiff_t> adv_off(static_cast<std::size_t>(nb), 0);
  if (nb > 0) {
    std::vector<strides_t> bst(comps.size());
    for (std::size_t c = 0; c < comps.size(); ++c)
      broadcast_strides_to(comps[c].shape, c_strides(comps[c].shape), b,
                           bst[c]);
    std::vector<std::ptrdiff_t> idx(b.size(), 0), pos(comps.size(), 0);
    for (std::ptrdiff_t j = 0; j < nb; ++j) {
      std::ptrdiff_t off = 0;
      for (std::size_t c = 0; c < comps.size(); ++c)
        off +=
            comps[c].vals[static_cast<std::size_t>(pos[c])] * comps[c].stride;
      adv_off[static_cast<std::size_t>(j)] = off;
      for (std::size_t d = b.size(); d-- > 0;) {
        ++idx[d];
        for (std::size_t c = 0; c < comps.size(); ++c)
          pos[c] += bst[c][d];
        if (idx[d] < b[d])
          break;
        for (std::size_t c = 0; c < comps.size(); ++c)
          pos[c] -= bst[c][d] * b[d];
        idx[d] = 0;
      }
    }
  }

  // The source offsets in the result's C order.
  p.offsets.reserve(static_cast<std::size_t>(shape_size(p.result_shape)));
  nditer<1>(outer, {&outer_st}, {base_off},
            [&](const std::array<std::ptrdiff_t, 1> &o) {
              for (auto a : adv_off)
                nditer<1>(inner, {&inner_st}, {o[0] + a},
                          [&](const std::array<std::ptrdiff_t, 1> &q) {
                            p.offsets.push_back(q[0]);
                          });
            });
  return p;
}

/// A hint that *p is read soon (no effect on the program's meaning).
inline void prefetch(const void *p) {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

/// Copies blocks of a fixed layout (the subspace of an advanced index) from
/// the source to the result: one element, one run, or a strided loop.
template <class E> struct block_copier {
  std::vector<loop_dim<2>> dims; // coalesced (result, source) dimensions
  bool empty = false;

  block_copier(const shape_t &shape, const strides_t &dst,
               const strides_t &src) {
    dims = coalesce_dims<2>(shape, {&dst, &src}, empty);
  }
  void operator()(E *d, const E *s) const {
    if (dims.empty()) {
      if (!empty)
        *d = *s;
      return;
    }
    if (dims.size() == 1) {
      const loop_dim<2> &r = dims[0];
      if (r.st[0] == 1 && r.st[1] == 1)
        std::memcpy(d, s, static_cast<std::size_t>(r.n) * sizeof(E));
      else
        for (std::ptrdiff_t i = 0; i < r.n; ++i)
          d[i * r.st[0]] = s[i * r.st[1]];
      return;
    }
    nditer_dims<2>(dims, {0, 0},
                   [&](const std::array<std::ptrdiff_t, 2> &o, std::ptrdiff_t n,
                       const std::array<std::ptrdiff_t, 2> &st) {
                     for (std::ptrdiff_t i = 0; i < n; ++i)
                       d[o[0] + i * st[0]] = s[o[1] + i * st[1]];
                   });
  }
};

struct advanced_access {
  /// NumPy's allocation for an advanced-indexing result: B (the broadcast
  /// index shape) outermost, in C order or, when the subspace has a single
  /// element, in the memory order of the index arrays; then the subspace in
  /// the memory order of the source. `result` is `internal` itself, or,
  /// when B does not come first (consec > 0), a transposed view of it.
  template <class E> struct allocation {
    array<E> internal, result;
    strides_t ist; // internal's strides: B's dimensions, then the subspace's
  };
  template <class E>
  static allocation<E> allocate(const shape_t &bshape, const shape_t &sub_shape,
                                const strides_t &sub_strides,
                                const strides_t &index_order,
                                std::size_t consec) {
    shape_t ishape = bshape;
    ishape.insert(ishape.end(), sub_shape.begin(), sub_shape.end());
    const strides_t sub_st =
        strides_for_perm(sub_shape, sorted_stride_perm(sub_strides));
    std::ptrdiff_t sub_size = 1;
    for (auto d : sub_shape)
      sub_size *= d;
    // A subspace of one element is not iterated: B is then laid out in the
    // memory order of the index arrays (PyArray_MapIterNew).
    strides_t ist = sub_size == 1 ? index_order : c_strides(bshape);
    if (sub_size != 1)
      for (auto &s : ist)
        s *= sub_size;
    ist.insert(ist.end(), sub_st.begin(), sub_st.end());
    ist = fresh_strides(ist, ishape);
    array<E> internal(array<E>::make_owner_node(ishape, ist, init::overwrite));
    array<E> result = internal;
    if (consec > 0) {
      const std::size_t nb = bshape.size();
      std::vector<std::size_t> perm;
      for (std::size_t i = 0; i < consec; ++i)
        perm.push_back(nb + i);
      for (std::size_t i = 0; i < nb; ++i)
        perm.push_back(i);
      for (std::size_t i = nb + consec; i < ishape.size(); ++i)
        perm.push_back(i);
      shape_t rs;
      strides_t rst;
      for (auto a : perm) {
        rs.push_back(ishape[a]);
        rst.push_back(ist[a]);
      }
      result = internal.make_view(std::move(rs), std::move(rst), 0);
    }
    return {internal, result, ist};
  }

  template <class E>
  static array<E> get(const array<E> &src, std::vector<index_item> items) {
    const auto &n = *src.n_;
    advanced_plan p =
        plan_advanced(n.shape, n.strides, n.offset, std::move(items));
    allocation<E> al = allocate<E>(p.bshape, p.sub_shape, p.sub_strides,
                                   p.index_order, p.consec);
    const array<E> &result = al.result;
    const E *s = n.buf->data.get();
    E *d = al.internal.n_->buf->data.get();
    std::size_t c = 0;
    nditer<1>(result.n_->shape, {&result.n_->strides}, {0},
              [&](const std::array<std::ptrdiff_t, 1> &o) {
                d[o[0]] = s[p.offsets[c++]];
              });
    return result;
  }

  /// `src(idx)` for one integer index array on the first axis (NumPy's
  /// `a[idx]`): the same result, layout and errors as get(), without the
  /// per-element offset tables: each index is checked and its subspace
  /// block (the rest of the row) copied directly. `ip` points to the
  /// buffer of an index array of shape `ishape`, strides `istrides`,
  /// offset `ioff`.
  template <class E, class I>
  static array<E> take_first_axis(const array<E> &src, const shape_t &ishape,
                                  const strides_t &istrides, const I *ip,
                                  std::ptrdiff_t ioff) {
    const auto &n = *src.n_;
    if (n.shape.empty())
      throw_too_many(0, 1);
    const shape_t sub_shape(n.shape.begin() + 1, n.shape.end());
    const strides_t sub_strides(n.strides.begin() + 1, n.strides.end());
    strides_t index_order;
    {
      strides_t st;
      broadcast_strides_to(ishape, istrides, ishape, st);
      index_order = ufunc_out_strides(ishape, {st});
    }
    allocation<E> al =
        allocate<E>(ishape, sub_shape, sub_strides, index_order, 0);
    const std::size_t nb = ishape.size();
    const strides_t dst_b(al.ist.begin(),
                          al.ist.begin() + static_cast<std::ptrdiff_t>(nb));
    const strides_t dst_sub(al.ist.begin() + static_cast<std::ptrdiff_t>(nb),
                            al.ist.end());
    const block_copier<E> block(sub_shape, dst_sub, sub_strides);
    const std::ptrdiff_t len = n.shape[0], stride = n.strides[0];
    const E *s = n.buf->data.get() + n.offset;
    E *d = al.internal.n_->buf->data.get();
    const bool one_element = !block.empty && block.dims.empty();
    // C order of the index array: the first index out of range is the one
    // get() reports. Every index is checked, even when blocks are empty.
    nditer_runs<2>(
        ishape, {&istrides, &dst_b}, {ioff, 0},
        [&](const std::array<std::ptrdiff_t, 2> &o, std::ptrdiff_t cnt,
            const std::array<std::ptrdiff_t, 2> &st) {
          const I *ix = ip + o[0];
          E *dd = d + o[1];
          const std::ptrdiff_t si = st[0], sd = st[1];
          if (one_element) {
            // A plain gather, with the loop's values in
            // registers: many loads in flight.
            const E *const sp = s;
            const std::ptrdiff_t n0 = len, s0 = stride;
            std::ptrdiff_t i = 0;
            // Prefetch the element `ahead` indices on: the
            // loads of a random gather then overlap.
            constexpr std::ptrdiff_t ahead = 128;
            for (; i + ahead < cnt; ++i) {
              std::ptrdiff_t u = clip_to_ptrdiff(ix[(i + ahead) * si]);
              u = u < 0 ? u + n0 : u;
              u = static_cast<std::size_t>(u) < static_cast<std::size_t>(n0)
                      ? u
                      : 0;
              prefetch(sp + u * s0);
              const std::ptrdiff_t v =
                  check_index(clip_to_ptrdiff(ix[i * si]), 0, n0);
              dd[i * sd] = sp[v * s0];
            }
            for (; i < cnt; ++i) {
              const std::ptrdiff_t v =
                  check_index(clip_to_ptrdiff(ix[i * si]), 0, n0);
              dd[i * sd] = sp[v * s0];
            }
            return;
          }
          for (std::ptrdiff_t i = 0; i < cnt; ++i) {
            const std::ptrdiff_t v =
                check_index(clip_to_ptrdiff(ix[i * si]), 0, len);
            block(dd + i * sd, s + v * stride);
          }
        });
    return al.result;
  }

  /// `src(mask)` for a boolean mask of k >= 1 dimensions matching the first
  /// k dimensions of src (NumPy's `a[mask]`): the same result and layout as
  /// get(), counting the selected elements first and then copying their
  /// subspace blocks in C order of the mask. Other masks go to get().
  template <class E>
  static array<E> take_mask(const array<E> &src, const array<bool> &mask) {
    const auto &n = *src.n_;
    const auto &m = *mask.n_;
    const std::size_t k = m.shape.size();
    bool fits = k >= 1 && k <= n.shape.size();
    for (std::size_t i = 0; fits && i < k; ++i)
      fits = m.shape[i] == n.shape[i];
    if (!fits)
      return get(src, {to_item(mask)});
    const bool *mp = m.buf->data.get();
    std::ptrdiff_t count = 0;
    nditer_runs<1>(m.shape, {&m.strides}, {m.offset},
                   [&](const std::array<std::ptrdiff_t, 1> &o,
                       std::ptrdiff_t cnt,
                       const std::array<std::ptrdiff_t, 1> &st) {
                     const bool *q = mp + o[0];
                     std::ptrdiff_t c = 0;
                     if (st[0] == 1)
                       for (std::ptrdiff_t i = 0; i < cnt; ++i)
                         c += q[i] ? 1 : 0;
                     else
                       for (std::ptrdiff_t i = 0; i < cnt; ++i)
                         c += q[i * st[0]] ? 1 : 0;
                     count += c;
                   });
    const shape_t bshape{count};
    const auto cut = static_cast<std::ptrdiff_t>(k);
    const shape_t sub_shape(n.shape.begin() + cut, n.shape.end());
    const strides_t sub_strides(n.strides.begin() + cut, n.strides.end());
    const strides_t lead_strides(n.strides.begin(), n.strides.begin() + cut);
    // get()'s layout of B for the k nonzero() coordinate arrays.
    strides_t index_order;
    {
      strides_t st;
      broadcast_strides_to(bshape, c_strides(bshape), bshape, st);
      std::vector<strides_t> ops(k, st);
      index_order = ufunc_out_strides(bshape, ops);
    }
    allocation<E> al =
        allocate<E>(bshape, sub_shape, sub_strides, index_order, 0);
    if (count == 0)
      return al.result;
    const strides_t dst_sub(al.ist.begin() + 1, al.ist.end());
    const block_copier<E> block(sub_shape, dst_sub, sub_strides);
    const std::ptrdiff_t step = al.ist[0]; // between selected blocks
    const E *s = n.buf->data.get();
    E *d = al.internal.n_->buf->data.get();
    bool empty = false;
    const std::vector<loop_dim<2>> dims =
        coalesce_dims<2>(m.shape, {&m.strides, &lead_strides}, empty);
    const bool one_element_blocks = !block.empty && block.dims.empty();
    if (one_element_blocks && step == 1 && dims.size() == 1 &&
        dims[0].st[0] == 1) {
      // Branch-free: write every candidate, advance past the selected
      // ones. Stop after the last selected element so that no write falls
      // past the end of the result.
      const bool *q = mp + m.offset;
      const E *sp = s + n.offset;
      const std::ptrdiff_t ss = dims[0].st[1];
      std::ptrdiff_t last = dims[0].n - 1;
      while (!q[last])
        --last;
      std::ptrdiff_t j = 0;
      if (ss == 1)
        for (std::ptrdiff_t i = 0; i <= last; ++i) {
          d[j] = sp[i];
          j += q[i] ? 1 : 0;
        }
      else
        for (std::ptrdiff_t i = 0; i <= last; ++i) {
          d[j] = sp[i * ss];
          j += q[i] ? 1 : 0;
        }
      return al.result;
    }
    std::ptrdiff_t j = 0;
    nditer_dims<2>(dims, {m.offset, n.offset},
                   [&](const std::array<std::ptrdiff_t, 2> &o,
                       std::ptrdiff_t cnt,
                       const std::array<std::ptrdiff_t, 2> &st) {
                     for (std::ptrdiff_t i = 0; i < cnt; ++i)
                       if (mp[o[0] + i * st[0]]) {
                         block(d + j, s + o[1] + i * st[1]);
                         j += step;
                       }
                   });
    return al.result;
  }

  template <class E>
  static void put_value(array<E> &dst, std::vector<index_item> items, E value) {
    auto &n = *dst.n_;
    const advanced_plan p =
        plan_advanced(n.shape, n.strides, n.offset, std::move(items));
    E *d = n.buf->data.get();
    for (auto off : p.offsets)
      d[off] = value;
  }

  template <class E>
  static void put_values(array<E> &dst, std::vector<index_item> items,
                         const array<E> &values_in) {
    auto &n = *dst.n_;
    // NumPy's a[mask] = v with a mask of a's full shape takes its own path
    // (array_assign_boolean_subscript): v must be 0-d or 1-D with one value
    // or one per selected element.
    const bool full_mask = items.size() == 1 &&
                           items[0].kind == index_item::bool_array &&
                           items[0].shape.size() == n.shape.size();
    const array<E> values =
        dst.may_overlap(values_in) ? values_in.copy() : values_in;
    strides_t bst;
    auto mismatch = [&](const shape_t &result_shape) {
      return shape_error("shape mismatch: value array of shape " +
                         shape_to_string(values.shape()) +
                         " could not be broadcast to indexing result of "
                         "shape " +
                         shape_to_string(result_shape));
    };
    auto check_values = [&](const shape_t &result_shape) {
      if (full_mask) {
        if (values.ndim() > 1)
          throw shape_error("NumPy boolean array indexing assignment "
                            "requires a 0 or 1-dimensional input, input has " +
                            std::to_string(values.ndim()) + " dimensions");
        if (values.size() != 1 && values.size() != result_shape[0])
          throw shape_error(
              "NumPy boolean array indexing assignment cannot assign " +
              std::to_string(values.size()) + " input values to the " +
              std::to_string(result_shape[0]) +
              " output values where the mask is true");
        bst = {values.size() == 1 || values.ndim() == 0 ? 0
                                                        : values.strides()[0]};
        return;
      }
      // Extra leading dimensions of v: NumPy reshapes v to its trailing
      // dimensions, which works when no element is lost.
      shape_t vs = values.shape();
      strides_t vst = values.strides();
      if (vs.size() > result_shape.size()) {
        const auto cut =
            static_cast<std::ptrdiff_t>(vs.size() - result_shape.size());
        const shape_t tail(vs.begin() + cut, vs.end());
        if (shape_size(tail) != values.size())
          throw mismatch(result_shape);
        vs = tail;
        vst.erase(vst.begin(), vst.begin() + cut);
      }
      if (!broadcast_strides_to(vs, vst, result_shape, bst))
        throw mismatch(result_shape);
    };
    const advanced_plan p = plan_advanced(n.shape, n.strides, n.offset,
                                          std::move(items), check_values);
    E *d = n.buf->data.get();
    const E *s = values.n_->buf->data.get();
    std::size_t c = 0;
    nditer<1>(p.result_shape, {&bst}, {values.n_->offset},
              [&](const std::array<std::ptrdiff_t, 1> &o) {
                d[p.offsets[c++]] = s[o[0]];
              });
  }
};

} // namespace nd::detail

namespace nd {

template <class E> array<E> array<E>::operator()(const indices &idx) const {
  const shape_t ishape{static_cast<std::ptrdiff_t>(idx.values.size())};
  return detail::advanced_access::take_first_axis(*this, ishape, strides_t{1},
                                                  idx.values.data(), 0);
}

template <class E>
template <detail::index_integer I>
array<E> array<E>::operator()(const array<I> &idx) const {
  return detail::advanced_access::take_first_axis(
      *this, idx.shape(), idx.strides(), idx.buffer_data(), idx.offset());
}

template <class E>
array<E> array<E>::operator()(const array<bool> &mask) const {
  return detail::advanced_access::take_mask(*this, mask);
}

template <class E>
template <class... Idx>
  requires detail::mask_mixed_indices<Idx...>
array<E> array<E>::operator()(const Idx &...idx) const {
  return detail::advanced_access::get(*this, {detail::to_item(idx)...});
}

template <class E>
template <class... Idx>
  requires detail::fancy_mixed_indices<Idx...>
array<E> array<E>::operator()(const Idx &...idx) const {
  return detail::advanced_access::get(*this, {detail::to_item(idx)...});
}

template <class E> void array<E>::put(const indices &idx, E value) {
  detail::advanced_access::put_value(*this, {detail::to_item(idx)}, value);
}
template <class E> void array<E>::put(const indices &idx, const array &values) {
  detail::advanced_access::put_values(*this, {detail::to_item(idx)}, values);
}
template <class E> void array<E>::put(const array<bool> &mask, E value) {
  detail::advanced_access::put_value(*this, {detail::to_item(mask)}, value);
}
template <class E>
void array<E>::put(const array<bool> &mask, const array &values) {
  detail::advanced_access::put_values(*this, {detail::to_item(mask)}, values);
}
template <class E>
template <detail::index_integer I>
void array<E>::put(const array<I> &idx, E value) {
  detail::advanced_access::put_value(*this, {detail::to_item(idx)}, value);
}
template <class E>
template <detail::index_integer I>
void array<E>::put(const array<I> &idx, const array &values) {
  detail::advanced_access::put_values(*this, {detail::to_item(idx)}, values);
}

} // namespace nd
