/*
 * dispute.c -- a dispute's status over time: changed through the
 * database's cc_dispute_set_status() (whose trigger allows, records and
 * dates each change), and the disputes past their due date.
 */
#include "base/cc.h"
#include "model/model.h"
#include "store/impl.h"

int cc_store_dispute_status(struct cc_store *st, const char *owner,
			    const char *id, const char *status,
			    const char *by, const char *reason, int more_info,
			    const char *at, struct cc_store_status_change *out,
			    struct cc_error *e)
{
	const char *params[7] = { owner, id, status, by, reason,
				  more_info ? "true" : "false", at };
	PGresult *r;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	if (cc_dispute_status_of(status) < 0)
		return cc_error_set(e, CC_ERR_USAGE, "store.status",
				    "'%.40s' is no dispute status", status);
	r = st_query(st, "dispute-status", "SELECT previous_status, status, "
		     "due_date::text FROM cc_dispute_set_status($1, $2, $3, $4, "
		     "$5, $6, $7::timestamptz)", 7, params, e);
	if (!r)
		return e->code;
	if (PQntuples(r) != 1) {
		rc = cc_error_set(e, CC_ERR_NOINPUT, "store.not_found",
				  "owner '%.80s' has no dispute '%.40s'", owner, id);
		goto out;
	}
	st_value(r, 0, 0, out->previous, sizeof(out->previous));
	st_value(r, 0, 1, out->status, sizeof(out->status));
	st_value(r, 0, 2, out->due_date, sizeof(out->due_date));
out:
	PQclear(r);
	return rc;
}

int cc_store_overdue(struct cc_store *st, const char *owner,
		     const char *as_of, struct cc_store_overdue **out,
		     size_t *n, struct cc_error *e)
{
	const char *params[2] = { owner, as_of };
	char num[24];
	PGresult *r;
	int i, rows;

	*out = NULL;
	*n = 0;
	r = st_query(st, "overdue", "SELECT id, bureau, round, status, "
		     "to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), "
		     "due_date::text, $2::date - due_date FROM disputes "
		     "WHERE owner_id = $1 AND status IN ('sent', "
		     "'bureau_received', 'investigating') AND due_date < $2::date "
		     "ORDER BY due_date, id", 2, params, e);
	if (!r)
		return e->code;
	rows = PQntuples(r);
	*out = cc_xcalloc((size_t)rows + 1, sizeof(**out));
	for (i = 0; i < rows; i++) {
		struct cc_store_overdue *d = &(*out)[i];
		long l;

		st_value(r, i, 0, d->id, sizeof(d->id));
		st_value(r, i, 1, d->bureau, sizeof(d->bureau));
		st_value(r, i, 2, num, sizeof(num));
		d->round = cc_parse_long(num, &l) == 0 ? (int)l : 0;
		st_value(r, i, 3, d->status, sizeof(d->status));
		st_value(r, i, 4, d->sent, sizeof(d->sent));
		st_value(r, i, 5, d->due, sizeof(d->due));
		st_value(r, i, 6, num, sizeof(num));
		d->days = cc_parse_long(num, &l) == 0 ? l : 0;
	}
	*n = (size_t)rows;
	PQclear(r);
	return 0;
}
