#ifndef SANSE_CPROJ_SHIM_H
#define SANSE_CPROJ_SHIM_H
#include <proj.h>
#endif
