// RUN: %check_viewguard %s viewguard-view-mutation %t -- --config="{CheckOptions: {Libraries: opencv}}" -- %opencv_flags
// RUN: %check_viewguard %s viewguard-view-mutation %t-strict -check-suffix=STRICT -no-fix -- --config="{CheckOptions: {Libraries: opencv, viewguard-view-mutation.StrictMode: true}}" -- %opencv_flags
//
// An OpenCV destination is reallocated when its size or type differs from
// the result's, and its old pixels are then left alone. Functions that
// usually change one of them (cvtColor, convertTo, resize, ...) and a
// matrix expression assigned to a Mat (`m = m.t()`) are possible writes:
// silent by default, "may" under StrictMode. Found on ORB_SLAM2
// (docs/libraries/real-code.md).

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

// ORB_SLAM2's Tracking::GrabImageMonocular: a color image converted in
// place reallocates the shared handle; the caller's image is untouched.
double grab(const cv::Mat &im) {
  cv::Mat gray = im;
  if (gray.channels() == 3)
    cv::cvtColor(gray, gray, cv::COLOR_RGB2GRAY);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:24: warning: write through 'gray' may also modify the caller's array passed as 'im' [viewguard-view-mutation]
  return cv::sum(gray)[0];
}

// Scaling a depth image in place writes the caller's pixels only when it
// is CV_32F already.
double depth(const cv::Mat &imD, double factor) {
  cv::Mat d = imD;
  d.convertTo(d, CV_32F, factor);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:15: warning: write through 'd' may also modify the caller's array passed as 'imD' [viewguard-view-mutation]
  return cv::sum(d)[0];
}

// ORB_SLAM2's KeyFrame: a 1x3 view assigned its transpose is a new 3x1.
double transposed(const cv::Mat &T) {
  cv::Mat r = T.row(2).colRange(0, 3);
  r = r.t();
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:3: warning: write through 'r' may also modify the caller's array passed as 'T' [viewguard-view-mutation]
  return r.dot(r);
}

// An enlarged copy of a shared image.
double resized(const cv::Mat &img) {
  cv::Mat big = img;
  cv::resize(img, big, cv::Size(), 2, 2);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:19: warning: write through 'big' may also modify the caller's array passed as 'img' [viewguard-view-mutation]
  return cv::sum(big)[0];
}
