// viewguard real-code shim: the OpenCV 1.x/2.x umbrella header <opencv/cv.h>
// was removed in OpenCV 4. Map it to the C++ API plus legacy C constants.
#pragma once
#include <opencv2/opencv.hpp>
#include <opencv2/imgproc/imgproc_c.h>
