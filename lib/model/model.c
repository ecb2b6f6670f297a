/*
 * model.c -- the tables of model.h.
 */
#include "base/cc.h"
#include "base/hash.h"
#include "model/model.h"

#include <ctype.h>

/* The dispute addresses the bureaus publish for consumers (verify them
 * each release; cc-dispute's rules file may give others). */
const struct cc_bureau_info cc_bureaus[CC_BUREAU_COUNT] = {
	[CC_EQUIFAX] = { "equifax", "Equifax", "Confirmation number",
		{ "Equifax Information Services LLC", "P.O. Box 740256",
		  "Atlanta, GA 30374-0256", NULL } },
	[CC_EXPERIAN] = { "experian", "Experian", "Report number",
		{ "Experian", "P.O. Box 4500", "Allen, TX 75013", NULL } },
	[CC_TRANSUNION] = { "transunion", "TransUnion", "File number",
		{ "TransUnion Consumer Solutions", "P.O. Box 2000",
		  "Chester, PA 19016-2000", NULL } },
};

int cc_bureau_of(const char *id)
{
	return cc_name_index(&cc_bureaus[0].id, sizeof(cc_bureaus[0]),
			     CC_BUREAU_COUNT, id);
}

const char *cc_bureau_id(int b)
{
	return b >= 0 && b < CC_BUREAU_COUNT ? cc_bureaus[b].id : NULL;
}

static const char *const layout_names[CC_LAYOUT_COUNT] = {
	"experian", "equifax", "transunion", "merged3", "lender",
};

int cc_layout_from_name(const char *name)
{
	return cc_name_index(layout_names, sizeof(char *), CC_LAYOUT_COUNT,
			     name);
}

const char *cc_layout_name(int layout)
{
	return layout >= 0 && layout < CC_LAYOUT_COUNT ?
	       layout_names[layout] : "unknown";
}

static const char *const reason_names[RS_COUNT] = {
	"late_30", "late_60", "late_90", "late_120", "late_150",
	"late_180", "charge_off", "collection", "repossession",
	"voluntary_surrender", "foreclosure", "settled", "bankruptcy",
	"default", "government_claim",
};

const char *cc_reason_name(int r)
{
	return r >= 0 && r < RS_COUNT ? reason_names[r] : "unknown";
}

int cc_reason_of(const char *name)
{
	return cc_name_index(reason_names, sizeof(char *), RS_COUNT, name);
}

const char *const cc_account_types[CC_AT_COUNT] = {
	"revolving", "open", "installment", "mortgage", "collection", "other",
};

const char *const cc_loan_types[CC_LT_COUNT] = {
	"credit_card", "charge_card", "auto", "student", "mortgage", "heloc",
	"personal", "collection", "medical",
};

const char *const cc_responsibilities[CC_RESP_COUNT] = {
	"individual", "joint", "authorized_user", "cosigner",
};

const char *const cc_inquiry_types[CC_INQ_COUNT] = { "hard", "soft" };

const char *const cc_public_record_types[CC_PR_COUNT] = {
	"bankruptcy_7", "bankruptcy_13", "judgment", "tax_lien",
};

const char *const cc_dispute_statuses[CC_DS_COUNT] = {
	"draft", "ready", "sent", "bureau_received", "investigating",
	"verified", "updated", "deleted", "rejected", "escalated", "expired",
};

int cc_dispute_status_of(const char *name)
{
	return cc_name_index(cc_dispute_statuses, sizeof(char *), CC_DS_COUNT,
			     name);
}

static const char *const hist_codes[HC_COUNT] = {
	"OK", "30", "60", "90", "120", "150", "180", "CO", "C", "F",
	"VS", "R", "B", "ND",
};

const char *cc_hist_code(int c)
{
	return c >= 0 && c < HC_COUNT ? hist_codes[c] : "ND";
}

int cc_hist_of(const char *s)
{
	return cc_name_index(hist_codes, sizeof(char *), HC_COUNT, s);
}

const char *cc_metro2_late(int days)
{
	return days >= 180 ? "84" : days >= 150 ? "83" : days >= 120 ? "82" :
	       days >= 90 ? "80" : days >= 60 ? "78" : "71";
}

char *cc_mask_shown(const char *m)
{
	size_t n, i, digits = 0, masked = 0;
	char *r;

	if (!m)
		return NULL;
	n = strlen(m);
	for (i = 0; i < n; i++) {
		if (m[i] == 'X' || m[i] == 'x' || m[i] == '*')
			masked++;
		digits += isdigit((unsigned char)m[i]) != 0;
	}
	r = cc_xstrdup(m);
	/* as printed: four digits at most, or a real mask (four characters
	 * masked or more) that shows no more than the first six and the
	 * last four; else only the last four characters */
	if (digits > 4 && (masked < 4 || digits > 10))
		for (i = 0; i + 4 < n; i++)
			r[i] = 'X';
	return r;
}

int cc_mask_compatible(const char *a, const char *b)
{
	size_t la, lb, pa, pb, sa, sb, i, n;

	if (!a || !b)
		return 1;
	la = strlen(a);
	lb = strlen(b);
	for (pa = 0; pa < la && isdigit((unsigned char)a[pa]); pa++)
		;
	for (pb = 0; pb < lb && isdigit((unsigned char)b[pb]); pb++)
		;
	for (sa = 0; sa < la - pa && isdigit((unsigned char)a[la - 1 - sa]); sa++)
		;
	for (sb = 0; sb < lb - pb && isdigit((unsigned char)b[lb - 1 - sb]); sb++)
		;
	n = pa < pb ? pa : pb;
	if (memcmp(a, b, n))
		return 0;
	n = sa < sb ? sa : sb;
	if (memcmp(a + la - n, b + lb - n, n))
		return 0;
	if (la == lb)
		for (i = 0; i < la; i++)
			if (isdigit((unsigned char)a[i]) && isdigit((unsigned char)b[i]) &&
			    a[i] != b[i])
				return 0;
	return 1;
}

void cc_tradeline_id(const char *doc, const char *bureau, const char *creditor,
		     const char *account_mask, const char *opened, char id[17])
{
	char hex[CC_SHA256_HEX];
	char *s = cc_xasprintf("%s\n%s\n%s\n%s\n%s\n", doc ? doc : "",
			       bureau ? bureau : "", creditor ? creditor : "",
			       account_mask ? account_mask : "",
			       opened ? opened : "");

	if (cc_sha256_hex(s, strlen(s), hex, NULL) < 0)
		hex[0] = '\0';
	snprintf(id, 17, "%s", hex);
	free(s);
}
