/*
 * tmpl.h -- a small template engine: text with values of a JSON view
 * put in it, for HTML (every value is escaped) but for any text.
 *
 * The language is a subset of Mustache (mustache.github.io) without
 * unescaped output:
 *
 *	{{name}}           the value of name, HTML-escaped: a string as it
 *	                   is, an integer in decimal, a real as printf's
 *	                   %g, true as "true", null and false as nothing.
 *	                   A list or an object is an error: use a section.
 *	{{a.b.c}}          a dotted name: a looked up as below, then b and
 *	                   c walked into objects; a null on the way gives
 *	                   null
 *	{{.}}              the current element of a section
 *	{{#name}}...{{/name}}
 *	                   a section: printed once for a value that is not
 *	                   falsy, with it as the innermost context, or once
 *	                   for each element of a list, each in turn the
 *	                   context
 *	{{^name}}...{{/name}}
 *	                   an inverted section: printed once when name is
 *	                   falsy
 *	{{! comment}}      nothing; it may span lines
 *
 * Falsy is null, false, "" and the empty list; 0 is not.  A name is
 * looked up in the innermost context first, then outwards to the view
 * itself; a name found in no context is an error, not an empty string,
 * so that a misspelt name shows the first time the template is printed.
 * Names are letters, digits, '_' and single dots between them, with
 * spaces allowed around them ({{ name }}).
 * Sections nest 16 deep at most.  {{{name}}} and {{&name}} (unescaped
 * output), {{>partial}} and {{=new delimiters=}} are errors.
 *
 * A template is parsed once into a tree, then printed as often as
 * needed; printing does not change it.  No template library in Debian 12 is a C library
 * that prints from jansson (mustach is not packaged), and this subset is
 * small.
 *
 * lib/ only: nothing here prints or exits.
 */
#ifndef CC_TMPL_H
#define CC_TMPL_H

#include <stddef.h>
#include <jansson.h>

#include "base/error.h"
#include "base/util.h"

struct cc_tmpl;

/*
 * Parse src[0..len); name (a file name, say) is used in messages.  0, or
 * CC_ERR_CONFIG, "template.syntax", with e->source name and e->line the
 * line of the error.  Free the template with cc_tmpl_free().
 */
int cc_tmpl_parse(const char *name, const char *src, size_t len,
		  struct cc_tmpl **out, struct cc_error *e);
void cc_tmpl_free(struct cc_tmpl *t);

/*
 * Append t printed with view to out.  0, or CC_ERR_CONFIG,
 * "template.render": a name found in no context, a list or an object
 * printed as a value, or sections nested too deep, with the template's
 * name and the line.  out then holds what was printed before the error.
 */
int cc_tmpl_render(const struct cc_tmpl *t, json_t *view, struct cc_buf *out,
		   struct cc_error *e);

#endif
