// RUN: %check_viewguard %s viewguard-stale-view %t -fix-notes
//
// A snapshot kept in a container goes stale when its base is written.

#include <vector>
#include <nd/nd.hpp>

void use(const nd::array<int> &);

void snapshot_in_a_vector() {
  nd::array<int> a = nd::arange<int>(8);
  std::vector<nd::array<int>> snaps;
  snaps.push_back(a(nd::slice(0, 4)));
  // CHECK-FIXES: snaps.push_back(a(nd::slice(0, 4)).copy());
  a += 1;
  if (nd::allclose(snaps[0], a(nd::slice(0, 4))))
    use(a);
  // CHECK-NOTES: :[[@LINE-2]]:20: warning: 'snaps[0]' is a view of 'a' and reflects the write to 'a' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-6]]:19: note: an element of 'snaps' is a view of 'a' made here
  // CHECK-NOTES: :[[@LINE-5]]:3: note: 'a' is modified here
}

// Deliberate copies kept as snapshots: correct, silent.
void copies_in_a_vector() {
  nd::array<int> a = nd::arange<int>(8);
  std::vector<nd::array<int>> snaps;
  snaps.push_back(a(nd::slice(0, 4)).copy());
  a += 1;
  if (nd::allclose(snaps[0], a(nd::slice(0, 4))))
    use(a);
}
