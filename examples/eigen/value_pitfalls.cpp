// Eigen's view pitfalls, found with `viewguard --library=eigen`.
#include <Eigen/Dense>

using Eigen::MatrixXd;
using Eigen::VectorXd;

// 1. `auto` keeps the lazy expression: r is recomputed from the new x.
double residual_after_step(const MatrixXd &A, const VectorXd &b, VectorXd x) {
  auto r = b - A * x;
  x += 0.1 * VectorXd::Ones(x.size());
  return r.norm();
}

// 2. A row copied into a vector: zeroing it does not touch m.
void clear_first_row(MatrixXd &m) {
  VectorXd row = m.row(0);
  row.setZero();
}

// 3. Eigen's aliasing: m is overwritten while its transpose is read.
void symmetrize(MatrixXd &m) {
  m = 0.5 * (m + m.transpose());
}

// 4. Correct: views as update handles, coefficient-wise self-assignment,
//    Ref as an in-out parameter.
void correct(MatrixXd &m, Eigen::Ref<VectorXd> out) {
  m.row(0) *= 2;
  m = 2 * m;
  auto corner = m.topLeftCorner(2, 2);
  corner.setIdentity();
  out = m.col(0);
}
