// RUN: %check_viewguard %s viewguard-view-mutation %t -fix-notes -- --config="{CheckOptions: {Libraries: opencv}}" -- %opencv_flags
// RUN: %clangxx -fsyntax-only %opencv_flags %t.cpp
//
// The shipped OpenCV model on Debian's real headers (libopencv-dev 4.6):
// which cv::Mat operations are views, which overloads write, which
// arguments are destinations. The fixed file compiles.

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

// Assigning a scalar writes the pixels (operator=(const Scalar &)).
double scalar_assign_writes(int n) {
  cv::Mat img = cv::Mat::zeros(n, n, CV_8U);
  cv::Mat top = img.rowRange(0, 2);
  top = cv::Scalar(7);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'top' also modifies 'img' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: 'top' is a view of 'img' created here
  // CHECK-NOTES: :[[@LINE+2]]:18: note: 'top' is read here after the write
  // CHECK-NOTES: :[[@LINE+1]]:36: note: 'img' is read here after the write
  return cv::sum(top)[0] + cv::sum(img)[0];
}
// CHECK-FIXES: cv::Mat top = img.rowRange(0, 2).clone();

// A destination argument: cv::GaussianBlur writes its OutputArray.
double output_array_writes(const cv::Mat &img) {
  cv::Mat roi = img(cv::Rect(0, 0, 4, 4));
  cv::GaussianBlur(roi, roi, cv::Size(3, 3), 0);
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: write through 'roi' also modifies the caller's array passed as 'img' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:17: note: 'roi' is a view of 'img' created here
  // CHECK-NOTES: :[[@LINE+1]]:18: note: 'roi' is read here after the write
  return cv::sum(roi)[0];
}
// CHECK-FIXES: cv::Mat roi = img(cv::Rect(0, 0, 4, 4)).clone();

// src.copyTo(dst) writes dst.
double copy_to_writes(const cv::Mat &img, const cv::Mat &patch) {
  cv::Mat corner = img.colRange(0, 2);
  patch.copyTo(corner);
  // CHECK-NOTES: :[[@LINE-1]]:16: warning: write through 'corner' also modifies the caller's array passed as 'img' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:20: note: 'corner' is a view of 'img' created here
  // CHECK-NOTES: :[[@LINE+1]]:18: note: 'corner' is read here after the write
  return cv::sum(corner)[0];
}
// CHECK-FIXES: cv::Mat corner = img.colRange(0, 2).clone();

// Views made by constructors.
double constructor_views(const cv::Mat &img) {
  cv::Mat sub(img, cv::Rect(0, 0, 2, 2));
  sub.setTo(3);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'sub' also modifies the caller's array passed as 'img' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:11: note: 'sub' is a view of 'img' created here
  // CHECK-NOTES: :[[@LINE+5]]:18: note: 'sub' is read here after the write
  cv::Mat_<uchar> typed(img);
  typed(0, 0) = 9;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'typed' also modifies the caller's array passed as 'img' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:19: note: 'typed' is a view of 'img' created here
  return cv::sum(sub)[0] + typed(1, 1);
  // CHECK-NOTES: :[[@LINE-1]]:28: note: 'typed' is read here after the write
}

// Mat_(i, j) is an element, Mat_(Rect) a view.
double element_and_roi(const cv::Mat_<float> &m) {
  cv::Mat_<float> block = m(cv::Rect(0, 0, 2, 2));
  block(0, 0) = 1.f;
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'block' also modifies the caller's array passed as 'm' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:27: note: 'block' is a view of 'm' created here
  // CHECK-NOTES: :[[@LINE+1]]:10: note: 'block' is read here after the write
  return block(1, 1);
}
// CHECK-FIXES: cv::Mat_<float> block = m(cv::Rect(0, 0, 2, 2)).clone();

// The member diag() and a Mat built from ranges are views too.
double diagonal_and_ranges(const cv::Mat &img) {
  cv::Mat d = img.diag();
  d.setTo(1);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'd' also modifies the caller's array passed as 'img' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:15: note: 'd' is a view of 'img' created here
  // CHECK-NOTES: :[[@LINE+6]]:18: note: 'd' is read here after the write
  cv::Mat band(img, cv::Range(0, 2), cv::Range::all());
  band.setTo(2);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'band' also modifies the caller's array passed as 'img' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:11: note: 'band' is a view of 'img' created here
  // CHECK-NOTES: :[[@LINE+1]]:34: note: 'band' is read here after the write
  return cv::sum(d)[0] + cv::sum(band)[0];
}
// CHECK-FIXES: cv::Mat d = img.diag().clone();

// A Mat over the caller's const pixels: setTo writes them.
double foreign_pixels(const unsigned char *pixels, int h, int w) {
  cv::Mat img(h, w, CV_8UC1, const_cast<unsigned char *>(pixels));
  img.setTo(0);
  // CHECK-NOTES: :[[@LINE-1]]:3: warning: write through 'img' also modifies the caller's array passed as 'pixels' [viewguard-view-mutation]
  // CHECK-NOTES: :[[@LINE-3]]:11: note: 'img' is a view of 'pixels' created here
  // CHECK-NOTES: :[[@LINE+1]]:18: note: 'img' is read here after the write
  return cv::sum(img)[0];
}

// ---- Correct OpenCV code: no warning. ----

// A Mat over an output buffer.
double foreign_output(unsigned char *pixels, int h, int w) {
  cv::Mat img(h, w, CV_8UC1, pixels);
  img.setTo(0);
  return cv::sum(img)[0];
}


// An ROI as an update handle: only the image is read afterwards.
double roi_update_handle(cv::Mat img) {
  cv::Mat roi = img(cv::Rect(0, 0, 2, 2));
  roi.setTo(0);
  cv::rectangle(roi, cv::Rect(0, 0, 1, 1), cv::Scalar(255));
  return cv::sum(img)[0];
}

// Writing through a temporary ROI is the intended way to paint the parent.
double temporary_roi(cv::Mat &img) {
  img(cv::Rect(0, 0, 2, 2)).setTo(0);
  img.row(0) = cv::Scalar(1);
  return cv::sum(img)[0];
}

// By-value cv::Mat parameters are handles by OpenCV's idiom, not copies.
double by_value_handle(cv::Mat img) {
  cv::Mat roi = img(cv::Rect(0, 0, 2, 2));
  roi.setTo(0);
  return cv::sum(roi)[0];
}

// A sliding window rebinds its ROI handle.
double sliding_window(const cv::Mat &img) {
  double s = 0;
  cv::Mat win;
  for (int y = 0; y + 2 <= img.rows; ++y) {
    win = img.rowRange(y, y + 2);
    s += cv::sum(win)[0];
  }
  return s;
}

// A deliberate copy is the caller's own.
double cloned(const cv::Mat &img) {
  cv::Mat c = img(cv::Rect(0, 0, 2, 2)).clone();
  c.setTo(0);
  return cv::sum(c)[0] + cv::sum(img)[0];
}

// Fields are metadata: reading img.rows, img.cols is not a read of pixels.
int metadata_fields(cv::Mat &img) {
  cv::Mat left = img.colRange(0, 1);
  left.setTo(0);
  return img.rows + img.cols + static_cast<int>(img.step) + left.rows +
         (img.data != nullptr) + img.size[0];
}

// The address of an element of a const matrix is not a write.
int const_element_address(const cv::Mat &img) {
  cv::Mat roi = img(cv::Rect(0, 0, 2, 2));
  const uchar *p = &roi.at<uchar>(0, 0);
  return *p + roi.at<uchar>(1, 1);
}

// The static Mat::diag(d) builds a new matrix; the member diag() is a view.
double diagonal_matrix(const cv::Mat &d) {
  cv::Mat m = cv::Mat::diag(d);
  m.setTo(0);
  return cv::sum(m)[0];
}

// A fresh output: cvtColor's destination was nobody's view.
double fresh_output(const cv::Mat &bgr) {
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  return cv::sum(gray)[0] + cv::sum(bgr)[0];
}
