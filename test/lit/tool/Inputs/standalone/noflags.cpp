// Compiles without any flag: a run "without flags" would succeed.
int main() { return 0; }
