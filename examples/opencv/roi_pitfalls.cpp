// OpenCV's view pitfalls, found with `viewguard --library=opencv`.
// Build: clang++ -std=c++17 -I/usr/include/opencv4 ... -lopencv_core
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

// 1. `A.row(i) = A.row(j)` assigns a header to a temporary: nothing changes.
void swap_first_rows(cv::Mat &A) {
  cv::Mat saved = A.row(0).clone();
  A.row(0) = A.row(1);
  A.row(1) = saved;
}

// 2. `cv::Mat prev = frame;` shares the pixels; `cap >> frame` decodes into
//    the same buffer, so the difference is always zero.
double motion(cv::VideoCapture &cap) {
  cv::Mat frame, diff;
  cap >> frame;
  cv::Mat prev = frame;
  cap >> frame;
  cv::absdiff(frame, prev, diff);
  return cv::sum(diff)[0];
}

// 3. An ROI of the caller's `const` image used as scratch space: the blur
//    lands in the caller's image.
double blurred_corner_mean(const cv::Mat &img) {
  cv::Mat corner = img(cv::Rect(0, 0, 8, 8));
  cv::GaussianBlur(corner, corner, cv::Size(3, 3), 0);
  return cv::mean(corner)[0];
}

// 4. Correct: painting the parent through a temporary ROI, and a sliding
//    window that rebinds its handle. No warning.
double correct(cv::Mat &img) {
  img(cv::Rect(0, 0, 2, 2)).setTo(0);
  double s = 0;
  cv::Mat win;
  for (int y = 0; y + 2 <= img.rows; ++y) {
    win = img.rowRange(y, y + 2);
    s += cv::sum(win)[0];
  }
  return s;
}
