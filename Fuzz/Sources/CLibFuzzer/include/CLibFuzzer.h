#include <stddef.h>
#include <stdint.h>

/// Provided by libFuzzer when linked with -sanitize=fuzzer: its built-in byte mutations.
size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t maxSize);
