#include <nd/nd.hpp>

int main() {
  nd::array<int> data = {1, 2, 3};
  return undeclared_function(data);
}
