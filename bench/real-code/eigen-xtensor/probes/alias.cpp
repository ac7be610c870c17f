#include <Eigen/Dense>
#include <iostream>
int main(int argc, char**) {
  Eigen::MatrixXd a(3, 3);
  a << 1, 2, 3, 4, 5, 6, 7, 8, 9;
  if (argc == 1) { a = a.transpose(); std::cout << "a = a.transpose():\n" << a << "\n"; }
  if (argc == 2) { a.block(0, 0, 2, 2) = a.block(0, 0, 2, 2).transpose(); std::cout << "block = block.transpose():\n" << a << "\n"; }
  if (argc == 3) { a.block(0, 0, 2, 2) = a.block(1, 1, 2, 2).transpose(); std::cout << "block(0,0) = block(1,1).transpose():\n" << a << "\n"; }
  if (argc == 4) { Eigen::Matrix3d f; f << 1,2,3,4,5,6,7,8,9; f = f.transpose(); std::cout << "fixed f = f.transpose():\n" << f << "\n"; }
  if (argc == 5) { a = a * a; std::cout << "a = a*a:\n" << a << "\n"; }
  if (argc == 6) { a.noalias() = a * a; std::cout << "a.noalias() = a*a:\n" << a << "\n"; }
}
