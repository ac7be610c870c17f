// No CHECK lines and no diagnostics: the runner passes.
int twice(int x) { return 2 * x; }
