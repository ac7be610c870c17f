// RUN: %check_viewguard %s viewguard-lost-write %t -- --config="{CheckOptions: {Libraries: opencv}}" -- %opencv_flags
// RUN: %clangxx -fsyntax-only %opencv_flags %t.cpp
// RUN: %check_viewguard %s viewguard-lost-write %t-writing -check-suffix=WRITING -no-fix -- --config="{CheckOptions: {Libraries: opencv, WritingFunctions: 'cv::Mat::operator='}}" -- %opencv_flags
//
// The shipped OpenCV model: assignment of a Mat to a temporary header is a
// documented no-op, assignment to a named handle rebinds it. The fix-its are
// OpenCV's copyTo(); the fixed file compiles.

#include <opencv2/core.hpp>
#include <vector>

// OpenCV's documented pitfall: `A.row(i) = A.row(j)` changes nothing.
void swap_rows_wrong(cv::Mat &A) {
  A.row(0) = A.row(1);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment to a temporary handle rebinds it and writes nothing into 'A' [viewguard-lost-write]
  // CHECK-FIXES: A.row(1).copyTo(A.row(0));
  // (With WritingFunctions naming operator=, the user declares that it
  // writes: on a temporary it then writes through, and nothing is lost.)
  A.col(2) = A.col(0) + A.col(1);
}

// A named ROI rebound instead of filled: the image never changes.
double rebound_roi(cv::Mat &img, const cv::Mat &patch) {
  cv::Mat roi = img(cv::Rect(0, 0, 2, 2));
  roi = patch;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: assignment rebinds the view 'roi' instead of writing into 'img' [viewguard-lost-write]
  // CHECK-FIXES: patch.copyTo(roi);
  // CHECK-MESSAGES-WRITING: :[[@LINE-3]]:3: warning: assignment rebinds the view 'roi' instead of writing into 'img' [viewguard-lost-write]
  return cv::sum(img)[0];
}

// The static Mat::diag(d) is a new matrix: writing it does not change d.
double diag_copy(cv::Mat &d) {
  cv::Mat m = cv::Mat::diag(d);
  m.setTo(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: write to 'm' never reaches 'd': 'm' is a copy made by Mat::diag [viewguard-lost-write]
  // CHECK-MESSAGES-WRITING: :[[@LINE-2]]:3: warning: write to 'm' never reaches 'd': 'm' is a copy made by Mat::diag [viewguard-lost-write]
  return cv::sum(d)[0];
}

// ---- Correct OpenCV code: no warning. ----

void swap_rows_right(cv::Mat &A) {
  A.row(1).copyTo(A.row(0));
  A.row(2) = cv::Scalar(0);   // a scalar is written into the row
  A.row(3) = A.row(4) * 2;    // so is a matrix expression
}

// A sliding window rebinds its handle: with or without a WritingFunctions
// option naming operator=, assignment to a named handle is a rebinding.
double sliding_window(const cv::Mat &img) {
  double s = 0;
  cv::Mat win = img.rowRange(0, 2);
  for (int y = 1; y + 2 <= img.rows; ++y) {
    s += cv::sum(win)[0];
    win = img.rowRange(y, y + 2);
  }
  return s + cv::sum(win)[0];
}

// Assignment through a reference rebinds the element, not a temporary.
void store(std::vector<cv::Mat> &frames, const cv::Mat &m) {
  frames[0] = m;
  frames.back() = m.clone();
}

// cv::Mat_<T> assigned a cv::Mat rebinds it too.
double typed_rebind(const cv::Mat &a, const cv::Mat &b) {
  cv::Mat_<uchar> t = a;
  double s = cv::sum(t)[0];
  t = b;
  return s + cv::sum(t)[0];
}
