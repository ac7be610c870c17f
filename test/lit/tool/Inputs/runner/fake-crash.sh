#!/bin/sh
# Stands in for clang-tidy in the runner's crash test.
echo "PLEASE submit a bug report to https://example.invalid and include the crash backtrace."
echo "Stack dump:"
kill -SEGV $$
