#ifndef SANSE_CGEOS_SHIM_H
#define SANSE_CGEOS_SHIM_H
// Only the re-entrant API: every call names its context, so no hidden global state is shared
// between worker threads.
#define GEOS_USE_ONLY_R_API
#include <geos_c.h>
#endif
