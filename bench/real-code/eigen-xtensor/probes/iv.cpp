#include <Eigen/Dense>
#include <iostream>
#include <vector>
int main() {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(3, 3);
  std::vector<int> idx{0, 2};
  m(idx, Eigen::all) = Eigen::MatrixXd::Ones(2, 3);
  auto iv = m(idx, Eigen::all);
  iv(0, 0) = 5;
  std::cout << m << "\n";
  const auto &e = m.eval();
  std::cout << "m.eval() on a Matrix returns a reference to it: " << (&e == &m) << "\n";
  auto s = m + m;   // lazy: refers to m
  m(1, 1) = 100;
  std::cout << "auto s = m + m; m(1,1)=100; s(1,1) = " << s(1, 1) << "\n";
}
