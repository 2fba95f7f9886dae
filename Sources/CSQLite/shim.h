#ifndef SANSE_CSQLITE_SHIM_H
#define SANSE_CSQLITE_SHIM_H
// SQLite, the library GDAL writes GeoPackages with: sanse fills the big tables itself.
#include <sqlite3.h>
#endif
