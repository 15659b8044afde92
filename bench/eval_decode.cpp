// Being written.
int main() { return 2; }
