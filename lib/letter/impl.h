/*
 * letter_impl.h -- what letter.c and letter_tmpl.c share, and nothing
 * else uses.
 */
#ifndef CC_LETTER_IMPL_H
#define CC_LETTER_IMPL_H

#include "letter/letter.h"

/* The templates for a bureau (an index) and round: borrowed. */
void letter_templates_choose(const struct cc_letter_templates *T, int bureau,
			     long round, const struct cc_tmpl **cover,
			     const struct cc_tmpl **letter, const char **css);

/* Print t with a full and a sparse example view.  0 or CC_ERR_CONFIG. */
int letter_check_template(const struct cc_tmpl *t, struct cc_error *e);

#endif
