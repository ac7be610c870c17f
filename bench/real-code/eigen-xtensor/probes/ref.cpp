#include <Eigen/Dense>
#include <iostream>
int main() {
  Eigen::MatrixXd m = Eigen::MatrixXd::Random(3, 3);
  Eigen::Ref<const Eigen::MatrixXd> a = m.block(0, 0, 2, 2);
  Eigen::Ref<const Eigen::VectorXd> b = m.col(1);
  Eigen::Ref<const Eigen::VectorXd> c = m.row(1).transpose();
  Eigen::Ref<const Eigen::MatrixXd> d = m + m;
  Eigen::Ref<Eigen::VectorXd> e = m.col(2);
  std::cout << "Ref<const MatrixXd> = m.block(): shares=" << (a.data() == m.data()) << "\n"
            << "Ref<const VectorXd> = m.col(1): shares=" << (b.data() == m.data() + 3) << "\n"
            << "Ref<const VectorXd> = m.row(1).transpose(): shares=" << (c.data() == m.data() + 1) << "\n"
            << "Ref<const MatrixXd> = m + m: shares=" << (d.data() == m.data()) << "\n"
            << "Ref<VectorXd> = m.col(2): shares=" << (e.data() == m.data() + 6) << "\n";
}
