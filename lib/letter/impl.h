/*
 * impl.h -- what letter.c and templates.c share, and nothing else uses.
 */
#ifndef CC_LETTER_IMPL_H
#define CC_LETTER_IMPL_H

#include "letter/letter.h"
#include "tmpl/tmpl.h"

/* The templates for a bureau (an index) and round: borrowed. */
void letter_templates_choose(const struct cc_letter_templates *T, int bureau,
			     long round, const struct cc_tmpl **cover,
			     const struct cc_tmpl **letter, const char **css);

/* Print t with a full and a sparse example view.  0 or CC_ERR_CONFIG
 * ("letter.template"). */
int letter_check_template(const struct cc_tmpl *t, struct cc_error *e);

/*
 * rc, and a template's error of lib/tmpl ("template.syntax",
 * "template.render") made cc-letter's "letter.template": one id for all
 * that is wrong with a template, as cc-records(5) has it.  The message,
 * file and line stay the engine's.
 */
int letter_template_error(int rc, struct cc_error *e);

#endif
