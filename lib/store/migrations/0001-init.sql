-- 0001-init.sql -- cc's schema: what a report says, the disputes made of
-- it and their status over time, the letters, and the job queue
-- (cc-db(1), SCHEMA).  cc-db migrate applies it in one transaction.
--
-- Every table but dispute_transitions (the allowed status changes, the
-- same for all) and cc-db's own schema_migrations holds rows of one
-- owner, a user: its owner_id references users, and a row that refers to
-- another refers to it with the owner in the key, so that no row can
-- point at another owner's.  Enumerations are CHECK constraints whose
-- values are those of cc's vocabulary (lib/model; `cc-db vocabulary'),
-- dates are text at the precision the report prints them (the domain
-- cc_date), money bigint cents.  The report records' keys are natural:
-- the document's hash and the record's place among the document's
-- records of its kind; a dispute's, the owner and its id.

CREATE DOMAIN cc_owner AS text
	CONSTRAINT cc_owner_check CHECK (VALUE <> '' AND length(VALUE) <= 200);

CREATE DOMAIN cc_sha256 AS text
	CONSTRAINT cc_sha256_check CHECK (VALUE ~ '^[0-9a-f]{64}$');

-- YYYY-MM-DD, or YYYY-MM for a date printed as a month: as records write
-- dates, so text order is time order and no precision is made up
CREATE DOMAIN cc_date AS text
	CONSTRAINT cc_date_check CHECK (
		VALUE ~ '^[0-9]{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?$'
		AND (length(VALUE) = 7 OR VALUE::date IS NOT NULL));

CREATE TABLE users (
	id cc_owner PRIMARY KEY,
	created_at timestamptz NOT NULL DEFAULT now()
);

-- a report (a PDF) loaded for its owner, by its hash
CREATE TABLE report_uploads (
	owner_id cc_owner NOT NULL REFERENCES users (id),
	doc cc_sha256 NOT NULL,
	path text,
	bytes bigint CHECK (bytes >= 0),
	pages integer CHECK (pages >= 0),
	processing_status text NOT NULL DEFAULT 'queued'
		CHECK (processing_status IN ('queued', 'processing', 'complete', 'failed')),
	error text,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (owner_id, doc)
);
CREATE INDEX report_uploads_owner_status ON report_uploads (owner_id, processing_status);

-- The report records (cc-records(5)): seq is the record's place, from 1,
-- among the records of its kind of its document, in the order
-- cc-extract writes them.
CREATE TABLE consumers (
	owner_id cc_owner NOT NULL REFERENCES users (id),
	doc cc_sha256 NOT NULL,
	seq integer NOT NULL CHECK (seq >= 1),
	layout text CHECK (layout IN ('experian', 'equifax', 'transunion', 'merged3', 'lender')),
	bureau text CHECK (bureau IN ('equifax', 'experian', 'transunion')),
	applicant smallint NOT NULL DEFAULT 1 CHECK (applicant BETWEEN 1 AND 2),
	name text,
	addresses text[] NOT NULL DEFAULT '{}',
	ssn_last4 text CHECK (ssn_last4 ~ '^[0-9]{1,4}$'),
	birth_year smallint CHECK (birth_year BETWEEN 1800 AND 2200),
	report_date cc_date,
	report_number text,
	src jsonb,
	conf real CHECK (conf BETWEEN 0 AND 1),
	PRIMARY KEY (owner_id, doc, seq),
	FOREIGN KEY (owner_id, doc) REFERENCES report_uploads (owner_id, doc)
);

CREATE TABLE tradelines (
	owner_id cc_owner NOT NULL REFERENCES users (id),
	doc cc_sha256 NOT NULL,
	seq integer NOT NULL CHECK (seq >= 1),
	id text NOT NULL CHECK (id ~ '^[0-9a-f]{16}$'),
	layout text CHECK (layout IN ('experian', 'equifax', 'transunion', 'merged3', 'lender')),
	bureau text CHECK (bureau IN ('equifax', 'experian', 'transunion')),
	account_group text,
	creditor text NOT NULL,
	account_mask text,
	account_last4 text CHECK (account_last4 ~ '^[0-9]{4}$'),
	type text CHECK (type IN ('revolving', 'open', 'installment', 'mortgage',
		'collection', 'other')),
	loan_type text CHECK (loan_type IN ('credit_card', 'charge_card', 'auto',
		'student', 'mortgage', 'heloc', 'personal', 'collection', 'medical')),
	responsibility text CHECK (responsibility IN ('individual', 'joint',
		'authorized_user', 'cosigner')),
	applicants smallint[] CHECK (applicants <@ '{1,2}'::smallint[]),
	opened cc_date,
	closed cc_date,
	reported cc_date,
	last_payment cc_date,
	dofd cc_date,
	balance bigint,
	credit_limit bigint,
	high_balance bigint,
	payment bigint,
	past_due bigint,
	charge_off_amount bigint,
	original_creditor text,
	status text,
	status_code text CHECK (status_code ~ '^[0-9A-Z]{2}$'),
	history jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(history) = 'array'),
	remarks text,
	negative boolean NOT NULL DEFAULT false,
	reasons text[] NOT NULL DEFAULT '{}' CHECK (reasons <@ ARRAY['late_30',
		'late_60', 'late_90', 'late_120', 'late_150', 'late_180', 'charge_off',
		'collection', 'repossession', 'voluntary_surrender', 'foreclosure',
		'settled', 'bankruptcy', 'default', 'government_claim']),
	removal_date cc_date,
	repositories text[] CHECK (repositories <@ ARRAY['equifax', 'experian', 'transunion']),
	uncertain text[] NOT NULL DEFAULT '{}',
	src jsonb,
	conf real CHECK (conf BETWEEN 0 AND 1),
	PRIMARY KEY (owner_id, doc, seq),
	FOREIGN KEY (owner_id, doc) REFERENCES report_uploads (owner_id, doc)
);
-- by owner: the primary key's first column
CREATE INDEX tradelines_owner_negative ON tradelines (owner_id, negative);
CREATE INDEX tradelines_owner_bureau ON tradelines (owner_id, bureau);
CREATE INDEX tradelines_owner_id ON tradelines (owner_id, id);

CREATE TABLE inquiries (
	owner_id cc_owner NOT NULL REFERENCES users (id),
	doc cc_sha256 NOT NULL,
	seq integer NOT NULL CHECK (seq >= 1),
	layout text CHECK (layout IN ('experian', 'equifax', 'transunion', 'merged3', 'lender')),
	bureau text CHECK (bureau IN ('equifax', 'experian', 'transunion')),
	creditor text NOT NULL,
	date cc_date,
	type text NOT NULL DEFAULT 'hard' CHECK (type IN ('hard', 'soft')),
	src jsonb,
	conf real CHECK (conf BETWEEN 0 AND 1),
	PRIMARY KEY (owner_id, doc, seq),
	FOREIGN KEY (owner_id, doc) REFERENCES report_uploads (owner_id, doc)
);

CREATE TABLE public_records (
	owner_id cc_owner NOT NULL REFERENCES users (id),
	doc cc_sha256 NOT NULL,
	seq integer NOT NULL CHECK (seq >= 1),
	layout text CHECK (layout IN ('experian', 'equifax', 'transunion', 'merged3', 'lender')),
	bureau text CHECK (bureau IN ('equifax', 'experian', 'transunion')),
	type text CHECK (type IN ('bankruptcy_7', 'bankruptcy_13', 'judgment', 'tax_lien')),
	court text,
	reference text,
	filed cc_date,
	resolved cc_date,
	amount bigint,
	removal_date cc_date,
	src jsonb,
	conf real CHECK (conf BETWEEN 0 AND 1),
	PRIMARY KEY (owner_id, doc, seq),
	FOREIGN KEY (owner_id, doc) REFERENCES report_uploads (owner_id, doc)
);

-- A dispute record, by its id, and where it stands.  status changes only
-- as dispute_transitions allows (the trigger disputes_status), each
-- change written to dispute_status_history; sent_at is when it last
-- became 'sent', and due_date the day the bureau's reinvestigation is due
-- (15 U.S.C. 1681i(a)(1)): 30 days after, 45 when the consumer sent more
-- information in the meantime (more_info).
CREATE TABLE disputes (
	owner_id cc_owner NOT NULL REFERENCES users (id),
	id text NOT NULL CHECK (id ~ '^[0-9a-f]{16}$'),
	doc cc_sha256 NOT NULL,
	applicant smallint NOT NULL DEFAULT 1 CHECK (applicant BETWEEN 1 AND 2),
	bureau text NOT NULL CHECK (bureau IN ('equifax', 'experian', 'transunion')),
	round smallint NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 99),
	status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready',
		'sent', 'bureau_received', 'investigating', 'verified', 'updated',
		'deleted', 'rejected', 'escalated', 'expired')),
	consumer jsonb,
	bureau_address jsonb,
	previous_id text CHECK (previous_id ~ '^[0-9a-f]{16}$'),
	previous_date cc_date,
	more_info boolean NOT NULL DEFAULT false,
	sent_at timestamptz,
	due_date date,
	status_changed_at timestamptz NOT NULL DEFAULT now(),
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (owner_id, id),
	FOREIGN KEY (owner_id, doc) REFERENCES report_uploads (owner_id, doc)
);
CREATE INDEX disputes_owner_status ON disputes (owner_id, status);
CREATE INDEX disputes_owner_bureau ON disputes (owner_id, bureau);
CREATE INDEX disputes_owner_due ON disputes (owner_id, due_date)
	WHERE status IN ('sent', 'bureau_received', 'investigating');

CREATE TABLE dispute_items (
	owner_id cc_owner NOT NULL REFERENCES users (id),
	dispute_id text NOT NULL,
	n smallint NOT NULL CHECK (n >= 1),
	tradeline_id text NOT NULL CHECK (tradeline_id ~ '^[0-9a-f]{16}$'),
	doc cc_sha256 NOT NULL,
	creditor text,
	account_mask text,
	reason_code text NOT NULL CHECK (reason_code IN ('not_mine', 'identity_theft',
		'other', 'obsolete', 'duplicate', 'cross_bureau_mismatch',
		'paid_with_balance', 'inaccurate_payment_history', 'unverifiable',
		'missing_limit', 'not_marked_disputed')),
	reason text NOT NULL,
	action text NOT NULL CHECK (action IN ('delete', 'correct', 'verify')),
	evidence jsonb NOT NULL DEFAULT '{}',
	src jsonb,
	PRIMARY KEY (owner_id, dispute_id, n),
	FOREIGN KEY (owner_id, dispute_id) REFERENCES disputes (owner_id, id),
	FOREIGN KEY (owner_id, doc) REFERENCES report_uploads (owner_id, doc)
);
CREATE INDEX dispute_items_owner_tradeline ON dispute_items (owner_id, tradeline_id);

-- previous_status is null for the row a new dispute writes
CREATE TABLE dispute_status_history (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	owner_id cc_owner NOT NULL REFERENCES users (id),
	dispute_id text NOT NULL,
	previous_status text CHECK (previous_status IN ('draft', 'ready', 'sent',
		'bureau_received', 'investigating', 'verified', 'updated', 'deleted',
		'rejected', 'escalated', 'expired')),
	new_status text NOT NULL CHECK (new_status IN ('draft', 'ready', 'sent',
		'bureau_received', 'investigating', 'verified', 'updated', 'deleted',
		'rejected', 'escalated', 'expired')),
	changed_by text NOT NULL,
	reason text,
	changed_at timestamptz NOT NULL DEFAULT now(),
	FOREIGN KEY (owner_id, dispute_id) REFERENCES disputes (owner_id, id)
);
CREATE INDEX dispute_status_history_dispute_time
	ON dispute_status_history (owner_id, dispute_id, changed_at);

-- a dispute's letter: the PDF's path in the store and its hash
CREATE TABLE letters (
	owner_id cc_owner NOT NULL REFERENCES users (id),
	dispute_id text NOT NULL,
	bureau text NOT NULL CHECK (bureau IN ('equifax', 'experian', 'transunion')),
	round smallint NOT NULL DEFAULT 1 CHECK (round BETWEEN 1 AND 99),
	path text NOT NULL,
	sha256 cc_sha256 NOT NULL,
	bytes bigint NOT NULL CHECK (bytes >= 0),
	pages integer NOT NULL CHECK (pages >= 1),
	created_at timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (owner_id, dispute_id),
	FOREIGN KEY (owner_id, dispute_id) REFERENCES disputes (owner_id, id)
);

-- The job queue.  A worker claims a queued job whose run_at has come (or
-- a running one whose worker let locked_until pass), highest priority
-- first; a failed attempt goes back to queued with a later run_at, or to
-- dead after max_attempts with its last_error.  dedup_key: at most one
-- live (queued or running) job of an owner and kind with that key.
CREATE TABLE jobs (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	owner_id cc_owner NOT NULL REFERENCES users (id),
	kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]*$'),
	payload jsonb NOT NULL DEFAULT '{}',
	priority smallint NOT NULL DEFAULT 0,
	run_at timestamptz NOT NULL DEFAULT now(),
	dedup_key text,
	state text NOT NULL DEFAULT 'queued'
		CHECK (state IN ('queued', 'running', 'done', 'dead')),
	attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
	max_attempts integer NOT NULL DEFAULT 5 CHECK (max_attempts >= 1),
	locked_by text,
	locked_until timestamptz,
	last_error text,
	created_at timestamptz NOT NULL DEFAULT now(),
	updated_at timestamptz NOT NULL DEFAULT now(),
	finished_at timestamptz,
	CHECK (attempts <= max_attempts),
	CHECK (state <> 'running' OR locked_until IS NOT NULL)
);
CREATE INDEX jobs_claim ON jobs (state, run_at, priority);
CREATE UNIQUE INDEX jobs_dedup ON jobs (owner_id, kind, dedup_key)
	WHERE dedup_key IS NOT NULL AND state IN ('queued', 'running');
CREATE INDEX jobs_owner ON jobs (owner_id);

-- The status changes a dispute may make (cc-db(1), DISPUTE STATUS): a
-- draft is made ready (or taken back), a ready one sent; the bureau
-- acknowledges it, investigates, and answers: verified (it stays),
-- updated, deleted, or rejected (frivolous, 15 U.S.C. 1681i(a)(3));
-- expired when no answer came in time.  An answer the consumer does not
-- accept, and a dispute that expired, are escalated (a later round, a
-- complaint); a rejected one may be made ready again with what was
-- missing.
CREATE TABLE dispute_transitions (
	from_status text NOT NULL CHECK (from_status IN ('draft', 'ready', 'sent',
		'bureau_received', 'investigating', 'verified', 'updated', 'deleted',
		'rejected', 'escalated', 'expired')),
	to_status text NOT NULL CHECK (to_status IN ('draft', 'ready', 'sent',
		'bureau_received', 'investigating', 'verified', 'updated', 'deleted',
		'rejected', 'escalated', 'expired')),
	PRIMARY KEY (from_status, to_status),
	CHECK (from_status <> to_status)
);
INSERT INTO dispute_transitions (from_status, to_status) VALUES
	('draft', 'ready'),
	('ready', 'draft'),
	('ready', 'sent'),
	('sent', 'bureau_received'),
	('sent', 'investigating'),
	('sent', 'verified'),
	('sent', 'updated'),
	('sent', 'deleted'),
	('sent', 'rejected'),
	('sent', 'expired'),
	('bureau_received', 'investigating'),
	('bureau_received', 'verified'),
	('bureau_received', 'updated'),
	('bureau_received', 'deleted'),
	('bureau_received', 'rejected'),
	('bureau_received', 'expired'),
	('investigating', 'verified'),
	('investigating', 'updated'),
	('investigating', 'deleted'),
	('investigating', 'rejected'),
	('investigating', 'expired'),
	('verified', 'escalated'),
	('updated', 'escalated'),
	('rejected', 'escalated'),
	('rejected', 'ready'),
	('expired', 'escalated');

-- Who changed a dispute's status, why and when, for the triggers: set
-- for one transaction (set_config(..., true)) by
-- cc_dispute_set_status(); without them, the database user, no reason,
-- and now().
CREATE FUNCTION cc_dispute_changed_at() RETURNS timestamptz
LANGUAGE sql STABLE AS $$
	SELECT coalesce(nullif(current_setting('cc.changed_at', true), '')::timestamptz,
			now())
$$;

-- BEFORE INSERT OR UPDATE: refuse a change of status dispute_transitions
-- does not allow (SQLSTATE CC001); keep status_changed_at, sent_at and
-- due_date.
CREATE FUNCTION cc_disputes_status() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		NEW.status_changed_at := cc_dispute_changed_at();
		IF NEW.status = 'sent' AND NEW.sent_at IS NULL THEN
			NEW.sent_at := NEW.status_changed_at;
		END IF;
	ELSIF NEW.status IS DISTINCT FROM OLD.status THEN
		IF NOT EXISTS (SELECT 1 FROM dispute_transitions t
			       WHERE t.from_status = OLD.status
				 AND t.to_status = NEW.status) THEN
			RAISE EXCEPTION 'dispute ''%'': ''%'' cannot become ''%''',
				OLD.id, OLD.status, NEW.status
				USING ERRCODE = 'CC001',
				      HINT = 'the allowed changes are in dispute_transitions';
		END IF;
		NEW.status_changed_at := cc_dispute_changed_at();
		IF NEW.status = 'sent' THEN
			NEW.sent_at := NEW.status_changed_at;
		END IF;
	END IF;
	IF NEW.sent_at IS NOT NULL THEN
		NEW.due_date := (NEW.sent_at AT TIME ZONE 'UTC')::date +
			CASE WHEN NEW.more_info THEN 45 ELSE 30 END;
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER disputes_status BEFORE INSERT OR UPDATE ON disputes
	FOR EACH ROW EXECUTE FUNCTION cc_disputes_status();

-- AFTER: a new dispute, and each change of status, in the history, in
-- the same transaction
CREATE FUNCTION cc_disputes_history() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO dispute_status_history (owner_id, dispute_id, previous_status,
					    new_status, changed_by, reason, changed_at)
	VALUES (NEW.owner_id, NEW.id,
		CASE WHEN TG_OP = 'UPDATE' THEN OLD.status END, NEW.status,
		coalesce(nullif(current_setting('cc.changed_by', true), ''),
			 session_user::text),
		nullif(current_setting('cc.reason', true), ''),
		NEW.status_changed_at);
	RETURN NULL;
END
$$;
CREATE TRIGGER disputes_history_insert AFTER INSERT ON disputes
	FOR EACH ROW EXECUTE FUNCTION cc_disputes_history();
CREATE TRIGGER disputes_history_update AFTER UPDATE OF status ON disputes
	FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
	EXECUTE FUNCTION cc_disputes_history();

-- Change the status of an owner's dispute, saying who, why and when
-- (null: the database user, none, now()), and, with more_info, that the
-- consumer sent more information.  One row: the status before, after,
-- and the due date; no row when the owner has no such dispute.  What
-- cc-db dispute-status runs, and cc-serve will.
CREATE FUNCTION cc_dispute_set_status(p_owner text, p_id text, p_status text,
				      p_by text, p_reason text,
				      p_more_info boolean, p_at timestamptz)
RETURNS TABLE (previous_status text, status text, due_date date)
LANGUAGE plpgsql AS $$
DECLARE
	old text;
BEGIN
	SELECT d.status INTO old FROM disputes d
	WHERE d.owner_id = p_owner AND d.id = p_id FOR UPDATE;
	IF NOT FOUND THEN
		RETURN;
	END IF;
	PERFORM set_config('cc.changed_by', coalesce(p_by, ''), true),
		set_config('cc.reason', coalesce(p_reason, ''), true),
		set_config('cc.changed_at', coalesce(p_at::text, ''), true);
	UPDATE disputes d SET status = p_status,
			      more_info = d.more_info OR coalesce(p_more_info, false)
	WHERE d.owner_id = p_owner AND d.id = p_id;
	PERFORM set_config('cc.changed_by', '', true),
		set_config('cc.reason', '', true),
		set_config('cc.changed_at', '', true);
	RETURN QUERY SELECT old, d.status, d.due_date FROM disputes d
		     WHERE d.owner_id = p_owner AND d.id = p_id;
END
$$;
