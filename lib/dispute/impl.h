/*
 * dispute_impl.h -- what lib/dispute.c and lib/dispute_rules.c share:
 * the rules as loaded, the selections, and the text templates.
 */
#ifndef CC_DISPUTE_IMPL_H
#define CC_DISPUTE_IMPL_H

#include "dispute/dispute.h"
#include "model/model.h"

enum d_action { DA_DELETE, DA_CORRECT, DA_VERIFY };

extern const char *const d_action_names[3];

/* The action of a name, or -1. */
int d_action_of(const char *s);

struct d_reason_rule {
	int enabled;
	int positive;           /* also for tradelines that are not negative */
	int action;             /* enum d_action */
	char *text;             /* the template */
};

struct cc_dispute_rules {
	long max_items;         /* 0: no cap */
	int defer;              /* 1: the items past the cap wait; 0: split */
	char **skip_creditors;  /* as printed; matched as words */
	size_t nskip_creditors;
	unsigned skip_reasons;  /* a bit per enum cc_reason */
	int skip_reasons_set;
	struct {
		char *name;
		char **lines;
		size_t nlines;
	} bureau[CC_BUREAU_COUNT];
	char *followup;         /* round 2+, with {previous_date} */
	char *followup_undated; /* round 2+, no date known */
	struct d_reason_rule r[CC_DR_COUNT];
	char *file;             /* the last file read, for messages */
};

/* One line of the selection file. */
struct d_select {
	char *tradeline;
	int reason;             /* CC_DR_NOT_MINE, _IDENTITY_THEFT or _OTHER */
	char *text;             /* the consumer's words, or NULL */
	int action;             /* enum d_action, or -1: the rule's */
	long line;
	int used;
};

struct d_selects {
	struct d_select *v;
	size_t n, alloc;
	char *file;
};

int d_select_load(struct d_selects *S, const char *path, struct cc_error *e);
void d_select_release(struct d_selects *S);

/*
 * A template's value by placeholder name: a string (borrowed), or NULL
 * for "unknown".  The names are those of cc-dispute(1), RULES.
 */
typedef const char *(*d_lookup_fn)(const char *name, size_t len, void *arg);

/* 1 when name[0..len) is a placeholder a template may use. */
int d_placeholder_known(const char *name, size_t len);

/*
 * Fill the template tpl into b: "{name}" replaced by its value, "{{" and
 * "}}" by a brace; runs of spaces made one and spaces at either end
 * dropped, so an empty value leaves no gap.
 */
struct cc_buf;
void d_render(struct cc_buf *b, const char *tpl, d_lookup_fn fn, void *arg);

#endif
