/* UTF-8 validation, shared by the image verifier (string constants), the primitives (strings
 * from bytes) and the management protocol (names and texts). */
#ifndef EAVE_UTF8_H
#define EAVE_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Valid UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF, nothing cut off. */
bool eave_utf8_valid(const uint8_t *bytes, size_t length);

#endif
