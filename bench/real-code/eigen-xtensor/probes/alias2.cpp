#include <Eigen/Dense>
#include <iostream>
int main() {
  Eigen::MatrixXd a(3, 3);
  a << 1, 2, 3, 4, 5, 6, 7, 8, 9;
  Eigen::MatrixXd expect = a;
  expect.block(1, 1, 2, 2) = a.block(0, 0, 2, 2).transpose().eval();
  a.block(1, 1, 2, 2) = a.block(0, 0, 2, 2).transpose();
  std::cout << "a.block(1,1,2,2) = a.block(0,0,2,2).transpose():\n" << a << "\nexpected:\n" << expect << "\n";
}
