// RUN: %check_viewguard %s 'viewguard-*' %t
//
// C++20 coroutines around arrays: a generator and a task (written here;
// std::generator is C++23) whose bodies make views, write them, co_yield,
// co_await and co_return. A coroutine body is analysed like any function
// body (its CFG includes the suspend points): no crash, and the defects in
// it are reported.

#include <coroutine>
#include <exception>
#include <iostream>
#include <nd/nd.hpp>
#include <utility>

void use(const nd::array<int> &);

// A minimal generator (std::generator is C++23).
template <class T> struct generator {
  struct promise_type {
    T current;
    generator get_return_object() {
      return generator{
          std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T value) {
      current = std::move(value);
      return {};
    }
    void return_void() {}
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  explicit generator(std::coroutine_handle<promise_type> handle) : h(handle) {}
  generator(generator &&other) noexcept : h(std::exchange(other.h, {})) {}
  ~generator() {
    if (h)
      h.destroy();
  }
  bool next() {
    h.resume();
    return !h.done();
  }
  T &value() { return h.promise().current; }
};

// A task whose co_await resumes at once and yields an int.
struct ready {
  int v;
  bool await_ready() const noexcept { return true; }
  void await_suspend(std::coroutine_handle<>) const noexcept {}
  int await_resume() const noexcept { return v; }
};

struct task {
  struct promise_type {
    int result = 0;
    task get_return_object() {
      return task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(int v) { result = v; }
    void unhandled_exception() { std::terminate(); }
  };
  std::coroutine_handle<promise_type> h;
  ~task() {
    if (h)
      h.destroy();
  }
  int get() const { return h.promise().result; }
};

// Yields the rows of m as views: the caller sees m's storage (correct).
generator<nd::array<int>> rows(nd::array<int> m) {
  for (std::ptrdiff_t i = 0; i < m.shape()[0]; ++i)
    co_yield m(i, nd::all);
}

// A view written inside a coroutine, then both read: reported.
generator<int> running_sums(int n) {
  nd::array<int> acc = nd::zeros<int>({4});
  auto head = acc(nd::slice(0, 2));
  for (int i = 0; i < n; ++i) {
    head += 1;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: write through 'head' also modifies 'acc' [viewguard-view-mutation]
    co_yield nd::sum(head) + nd::sum(acc);
  }
}

// A co_await in the middle of the view's life; the parameter is by value.
task scratch_on_param(nd::array<int> samples) {
  auto window = samples(nd::slice(0, 2));
  int offset = co_await ready{3};
  window += offset;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write through 'window' also modifies the caller's array passed as 'samples' [viewguard-view-mutation]
  co_return nd::sum(window);
}

// Correct: the coroutine writes a copy and yields it.
generator<nd::array<int>> doubled(nd::array<int> a) {
  auto c = a.copy();
  c *= 2;
  co_yield c;
  use(a);
}

int main() {
  nd::array<int> m = {{1, 2}, {3, 4}};
  auto g = rows(m);
  while (g.next())
    g.value().fill(0); // writes m through the yielded view: intended
  std::cout << m << "\n";
  auto s = running_sums(3);
  while (s.next())
    std::cout << s.value() << "\n";
  nd::array<int> data = {1, 2, 3};
  task t = scratch_on_param(data);
  std::cout << t.get() << " " << data << "\n";
  auto d = doubled(data);
  while (d.next())
    use(d.value());
  return 0;
}
