// Only the header matters: LLVMFuzzerMutate comes from libFuzzer at link time.
#include "CLibFuzzer.h"
