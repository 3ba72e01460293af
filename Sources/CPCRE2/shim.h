#ifndef TOKENWARDEN_CPCRE2_SHIM_H
#define TOKENWARDEN_CPCRE2_SHIM_H
// 8-bit code units: tokenwarden matches raw bytes.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#endif
