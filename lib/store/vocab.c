/*
 * vocab.c -- the enumerations of the schema, from cc's vocabulary: what
 * its CHECK constraints must allow, and nothing else.
 */
#include "base/cc.h"
#include "dispute/dispute.h"
#include "model/model.h"
#include "store/store.h"

const char *const cc_store_upload_statuses[4] = {
	"queued", "processing", "complete", "failed",
};

const char *const cc_store_job_states[4] = {
	"queued", "running", "done", "dead",
};

/* The vocabularies, as functions from an index to a name (NULL past the
 * end), so that those of lib/model and lib/dispute are read as they
 * are, not copied. */
static const char *bureau(int i) { return cc_bureau_id(i); }
static const char *layout(int i)
{
	return i < CC_LAYOUT_COUNT ? cc_layout_name(i) : NULL;
}
static const char *reason(int i)
{
	return i < RS_COUNT ? cc_reason_name(i) : NULL;
}
static const char *account_type(int i)
{
	return i < CC_AT_COUNT ? cc_account_types[i] : NULL;
}
static const char *loan_type(int i)
{
	return i < CC_LT_COUNT ? cc_loan_types[i] : NULL;
}
static const char *responsibility(int i)
{
	return i < CC_RESP_COUNT ? cc_responsibilities[i] : NULL;
}
static const char *inquiry_type(int i)
{
	return i < CC_INQ_COUNT ? cc_inquiry_types[i] : NULL;
}
static const char *public_record_type(int i)
{
	return i < CC_PR_COUNT ? cc_public_record_types[i] : NULL;
}
static const char *dispute_status(int i)
{
	return i < CC_DS_COUNT ? cc_dispute_statuses[i] : NULL;
}
static const char *dispute_reason(int i) { return cc_dispute_reason_name(i); }
static const char *dispute_action(int i) { return cc_dispute_action_name(i); }
static const char *upload_status(int i)
{
	return i < 4 ? cc_store_upload_statuses[i] : NULL;
}
static const char *job_state(int i)
{
	return i < 4 ? cc_store_job_states[i] : NULL;
}

static const struct {
	const char *column;
	const char *(*name)(int i);
} columns[] = {
	{ "report_uploads.processing_status", upload_status },
	{ "consumers.layout", layout },
	{ "consumers.bureau", bureau },
	{ "tradelines.layout", layout },
	{ "tradelines.bureau", bureau },
	{ "tradelines.type", account_type },
	{ "tradelines.loan_type", loan_type },
	{ "tradelines.responsibility", responsibility },
	{ "tradelines.reasons", reason },
	{ "tradelines.repositories", bureau },
	{ "inquiries.layout", layout },
	{ "inquiries.bureau", bureau },
	{ "inquiries.type", inquiry_type },
	{ "public_records.layout", layout },
	{ "public_records.bureau", bureau },
	{ "public_records.type", public_record_type },
	{ "disputes.bureau", bureau },
	{ "disputes.status", dispute_status },
	{ "dispute_items.reason_code", dispute_reason },
	{ "dispute_items.action", dispute_action },
	{ "dispute_status_history.previous_status", dispute_status },
	{ "dispute_status_history.new_status", dispute_status },
	{ "letters.bureau", bureau },
	{ "jobs.state", job_state },
	{ "dispute_transitions.from_status", dispute_status },
	{ "dispute_transitions.to_status", dispute_status },
};

void cc_store_vocabulary(struct cc_buf *out)
{
	const char *v;
	size_t c;
	int i;

	for (c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		cc_buf_adds(out, columns[c].column);
		for (i = 0; (v = columns[c].name(i)); i++)
			cc_buf_addf(out, " %s", v);
		cc_buf_adds(out, "\n");
	}
}

int cc_store_value_allowed(const char *column, const char *value)
{
	const char *v;
	size_t c;
	int i;

	for (c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		if (strcmp(columns[c].column, column))
			continue;
		for (i = 0; (v = columns[c].name(i)); i++)
			if (!strcmp(v, value))
				return 1;
		return 0;
	}
	return -1;
}
