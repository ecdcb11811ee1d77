/* Replaced by the tracer library sources. */
int pdig_native_abi_version(void) { return 1; }
