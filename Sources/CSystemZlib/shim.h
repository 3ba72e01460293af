#ifndef TOKENWARDEN_CZLIB_SHIM_H
#define TOKENWARDEN_CZLIB_SHIM_H
// The system zlib (Debian: zlib1g-dev), for gzip. Not named CZlib: ZIPFoundation defines a module of that name.
#include <zlib.h>
#endif
