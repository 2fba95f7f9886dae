#ifndef SANSE_CCRYPTO_SHIM_H
#define SANSE_CCRYPTO_SHIM_H
// OpenSSL's libcrypto, for SHA-256 only: its digests use the CPU's SHA instructions.
#include <openssl/evp.h>
#endif
