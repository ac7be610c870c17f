// RUN: %check_viewguard %s viewguard-stale-view %t -fix-notes -- --config="{CheckOptions: {Libraries: opencv}}" -- %opencv_flags
// RUN: %clangxx -fsyntax-only %opencv_flags %t.cpp
//
// The shipped OpenCV model: `cv::Mat prev = frame;` shares the pixels, and
// `cap >> frame` / `cap.read(frame)` decode into the same buffer when the
// size and type match. The fix-it is OpenCV's clone(); the fixed file
// compiles.

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>
#include <vector>

// Frame differencing with a shared "previous" frame: always zero.
double motion_wrong(cv::VideoCapture &cap) {
  cv::Mat frame, diff;
  cap >> frame;
  cv::Mat prev = frame;
  cap >> frame;
  cv::absdiff(frame, prev, diff);
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'prev' is a view of 'frame' and reflects the write to 'frame' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-4]]:18: note: 'prev' is a view of 'frame' created here
  // CHECK-NOTES: :[[@LINE-4]]:10: note: 'frame' is modified here
  return cv::sum(diff)[0];
}
// CHECK-FIXES: cv::Mat prev = frame.clone();

double motion_read_wrong(cv::VideoCapture &cap) {
  cv::Mat frame, diff;
  cap.read(frame);
  cv::Mat prev = frame;
  cap.read(frame);
  cv::absdiff(frame, prev, diff);
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'prev' is a view of 'frame' and reflects the write to 'frame' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-4]]:18: note: 'prev' is a view of 'frame' created here
  // CHECK-NOTES: :[[@LINE-4]]:12: note: 'frame' is modified here
  return cv::sum(diff)[0];
}
// CHECK-FIXES: cv::Mat prev = frame.clone();

// A "backup" taken by assignment reflects later drawing.
double backup_wrong(cv::Mat &img) {
  cv::Mat before = img;
  img.setTo(cv::Scalar(0));
  return cv::norm(img, before);
  // CHECK-NOTES: :[[@LINE-1]]:24: warning: 'before' is a view of 'img' and reflects the write to 'img' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-4]]:20: note: 'before' is a view of 'img' created here
  // CHECK-NOTES: :[[@LINE-4]]:3: note: 'img' is modified here
}
// CHECK-FIXES: cv::Mat before = img.clone();

// Frames kept in a vector without clone() share the decoder's buffer.
double history_wrong(cv::VideoCapture &cap, std::vector<cv::Mat> &history) {
  cv::Mat frame, diff;
  cap >> frame;
  history.push_back(frame);
  cap >> frame;
  cv::absdiff(frame, history.back(), diff);
  // CHECK-NOTES: :[[@LINE-1]]:22: warning: 'history.back()' is a view of 'frame' and reflects the write to 'frame' made after it was created [viewguard-stale-view]
  // CHECK-NOTES: :[[@LINE-4]]:21: note: an element of 'history' is a view of 'frame' made here
  // CHECK-NOTES: :[[@LINE-4]]:10: note: 'frame' is modified here
  return cv::sum(diff)[0];
}
// CHECK-FIXES: history.push_back(frame.clone());

// ---- Correct OpenCV code: no warning. ----

double motion_right(cv::VideoCapture &cap) {
  cv::Mat frame, diff;
  cap >> frame;
  cv::Mat prev = frame.clone();
  cap >> frame;
  cv::absdiff(frame, prev, diff);
  return cv::sum(diff)[0];
}

// Only the header fields of the old frame are used.
int sizes(cv::VideoCapture &cap) {
  cv::Mat frame;
  cap >> frame;
  cv::Mat prev = frame;
  cap >> frame;
  return frame.rows - prev.rows + frame.cols - prev.cols;
}
