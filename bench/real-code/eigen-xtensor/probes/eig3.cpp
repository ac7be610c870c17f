#include <Eigen/Dense>
void probe(Eigen::MatrixXd &m) {
  auto b = m.block(0, 0, 2, 2);
  b(0, 1) = 5.0;
  b = m.block(1, 1, 2, 2).transpose();
  Eigen::MatrixXd c = m.block(0, 0, 2, 2);
}
