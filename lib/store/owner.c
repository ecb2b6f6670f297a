/*
 * owner.c -- what the store keeps of one owner, as a whole: its purge
 * (the consumer's right to deletion).
 */
#include "base/cc.h"
#include "store/impl.h"

/* Children before the rows they refer to, users last. */
const char *const cc_store_owner_tables[CC_STORE_OWNER_TABLES] = {
	"letters", "dispute_status_history", "dispute_items", "disputes",
	"tradelines", "inquiries", "public_records", "consumers", "jobs",
	"report_uploads", "users",
};

int cc_store_purge(struct cc_store *st, const char *owner,
		   long rows[CC_STORE_OWNER_TABLES], struct cc_error *e)
{
	const char *params[1] = { owner };
	char sql[128];
	PGresult *r;
	int i, rc;

	if ((rc = st_begin(st, "purge", e)) < 0)
		return rc;
	/* the owner's row, locked: whatever would add a row of the owner
	 * (each refers to it) waits for the purge, and fails after it */
	if ((rc = st_run(st, "purge", "SELECT 1 FROM users WHERE id = $1 FOR UPDATE",
			 1, params, e)) < 0)
		goto out_rollback;
	for (i = 0; i < CC_STORE_OWNER_TABLES; i++) {
		const char *t = cc_store_owner_tables[i];

		snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE %s = $1", t,
			 strcmp(t, "users") ? "owner_id" : "id");
		if (!(r = st_query(st, "purge", sql, 1, params, e))) {
			rc = e->code;
			goto out_rollback;
		}
		if (cc_parse_long(PQcmdTuples(r), &rows[i]) < 0)
			rows[i] = 0;
		PQclear(r);
	}
	if ((rc = st_run(st, "purge", "COMMIT", 0, NULL, e)) < 0)
		goto out_rollback;
	return 0;
out_rollback:
	st_rollback(st);
	return rc;
}
