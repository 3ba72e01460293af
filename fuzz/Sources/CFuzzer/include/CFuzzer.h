#ifndef TOKENWARDEN_CFUZZER_H
#define TOKENWARDEN_CFUZZER_H
#include <stddef.h>
#include <stdint.h>
// libFuzzer's driver entry (compiler-rt), so a SwiftPM executable can start it from its own main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*UserCb)(const uint8_t *Data, size_t Size));
#endif
