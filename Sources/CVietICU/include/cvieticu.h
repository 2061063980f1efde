#ifndef CVIETICU_H
#define CVIETICU_H
// The C face of ICU for hoidap. Only stdint types cross this header, so Swift modules
// that import Foundation (which carries its own ICU) can import it without clashes.

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Normalization forms understood by hd_normalize.
enum {
  HD_NORM_NFC = 0,
  HD_NORM_NFD = 1,
  HD_NORM_NFKC_CASEFOLD = 2
};

/// Word-break rule status classes, as ICU's UWordBreak ranges (NONE 0-99, NUMBER 100-199,
/// LETTER 200-299, KANA 300-399, IDEO 400-499).
enum {
  HD_WORD_NONE = 0,
  HD_WORD_NUMBER = 100,
  HD_WORD_LETTER = 200,
  HD_WORD_KANA = 300,
  HD_WORD_IDEO = 400
};

/// Splits UTF-16 text at ICU word boundaries (locale "vi").
/// Writes segment i as [starts[i], ends[i]) with rule status statuses[i]; returns the number
/// of segments, which is at most `length`. Returns -1 and sets *error to the ICU error code
/// when ICU fails. The iterator is cached per thread.
int32_t hd_word_segments(const uint16_t *text, int32_t length,
                         int32_t *starts, int32_t *ends, int32_t *statuses,
                         int32_t capacity, int32_t *error);

/// Normalizes UTF-16 text into dest; returns the length of the result (which may exceed
/// capacity, in which case nothing useful was written and the caller retries with that
/// capacity), or -1 with *error set.
int32_t hd_normalize(int32_t form, const uint16_t *source, int32_t length,
                     uint16_t *dest, int32_t capacity, int32_t *error);

/// 1 when the text is already in the given form, 0 when not, -1 on error.
int32_t hd_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *error);

/// The ICU version string ("72.1"), written NUL-terminated into buffer (at least 32 bytes).
void hd_icu_version(char *buffer, int32_t capacity);

/// A short, constant description of an ICU error code.
const char *hd_error_name(int32_t error);

#ifdef __cplusplus
}
#endif

#endif
