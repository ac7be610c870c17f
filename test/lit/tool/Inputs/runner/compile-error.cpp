// Does not compile: the runner fails unless -expect-error is given.
int f() { return undeclared_name; }
// CHECK-MESSAGES: :[[@LINE-1]]:18: error: use of undeclared identifier 'undeclared_name' [clang-diagnostic-error]
