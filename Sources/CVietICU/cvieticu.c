// ICU calls for hoidap's Vietnamese analysis. The versioned ICU symbols (ubrk_open_72, ...)
// stay inside this file; see cvieticu.h for the contracts.

#include "cvieticu.h"

#include <pthread.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/unorm2.h>
#include <unicode/uversion.h>
#include <unicode/utypes.h>

static pthread_key_t breakKey;
static pthread_once_t breakKeyOnce = PTHREAD_ONCE_INIT;

static void closeBreakIterator(void *iterator) {
  if (iterator != NULL) ubrk_close((UBreakIterator *)iterator);
}

static void makeBreakKey(void) { pthread_key_create(&breakKey, closeBreakIterator); }

// ubrk_open loads and compiles rules, which costs far more than a segmentation of a short
// question, so each thread keeps one iterator and only resets its text.
static UBreakIterator *threadBreakIterator(UErrorCode *status) {
  pthread_once(&breakKeyOnce, makeBreakKey);
  UBreakIterator *iterator = (UBreakIterator *)pthread_getspecific(breakKey);
  if (iterator == NULL) {
    iterator = ubrk_open(UBRK_WORD, "vi", NULL, 0, status);
    if (U_FAILURE(*status)) return NULL;
    pthread_setspecific(breakKey, iterator);
  }
  return iterator;
}

int32_t hd_word_segments(const uint16_t *text, int32_t length,
                         int32_t *starts, int32_t *ends, int32_t *statuses,
                         int32_t capacity, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  *error = 0;
  if (length == 0) return 0;
  UBreakIterator *iterator = threadBreakIterator(&status);
  if (iterator == NULL) { *error = status; return -1; }
  // ubrk_setText: "The text is not copied; the caller must keep it alive" while iterating.
  ubrk_setText(iterator, (const UChar *)text, length, &status);
  if (U_FAILURE(status)) { *error = status; return -1; }
  int32_t count = 0;
  int32_t start = ubrk_first(iterator);
  for (int32_t end = ubrk_next(iterator); end != UBRK_DONE; end = ubrk_next(iterator)) {
    if (count >= capacity) break;
    starts[count] = start;
    ends[count] = end;
    // ubrk_getRuleStatus: the status of the rule that determined the boundary at `end`.
    statuses[count] = ubrk_getRuleStatus(iterator);
    count++;
    start = end;
  }
  // Release the reference to the caller's buffer.
  ubrk_setText(iterator, (const UChar *)u"", 0, &status);
  return count;
}

static const UNormalizer2 *normalizer(int32_t form, UErrorCode *status) {
  switch (form) {
    case HD_NORM_NFC: return unorm2_getNFCInstance(status);
    case HD_NORM_NFD: return unorm2_getNFDInstance(status);
    case HD_NORM_NFKC_CASEFOLD: return unorm2_getNFKCCasefoldInstance(status);
    default: *status = U_ILLEGAL_ARGUMENT_ERROR; return NULL;
  }
}

int32_t hd_normalize(int32_t form, const uint16_t *source, int32_t length,
                     uint16_t *dest, int32_t capacity, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  *error = 0;
  const UNormalizer2 *n2 = normalizer(form, &status);
  if (U_FAILURE(status)) { *error = status; return -1; }
  // unorm2_normalize: "src and dest must not overlap"; on U_BUFFER_OVERFLOW_ERROR the
  // return value is the required length.
  int32_t written = unorm2_normalize(n2, (const UChar *)source, length,
                                     (UChar *)dest, capacity, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) return written;
  if (U_FAILURE(status)) { *error = status; return -1; }
  return written;
}

int32_t hd_is_normalized(int32_t form, const uint16_t *source, int32_t length, int32_t *error) {
  UErrorCode status = U_ZERO_ERROR;
  *error = 0;
  const UNormalizer2 *n2 = normalizer(form, &status);
  if (U_FAILURE(status)) { *error = status; return -1; }
  UBool result = unorm2_isNormalized(n2, (const UChar *)source, length, &status);
  if (U_FAILURE(status)) { *error = status; return -1; }
  return result ? 1 : 0;
}

void hd_icu_version(char *buffer, int32_t capacity) {
  UVersionInfo info;
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_getVersion(info);
  u_versionToString(info, text);
  if (capacity <= 0) return;
  strncpy(buffer, text, (size_t)capacity - 1);
  buffer[capacity - 1] = 0;
}

const char *hd_error_name(int32_t error) { return u_errorName((UErrorCode)error); }
