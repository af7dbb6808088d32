-- Findings: each report (or incident) judged against each provision of each account.
-- Derived data, rewritten by `ceasefire assess` for the accounts it judges; never edited by hand.
-- Stored narrow (integer keys and a reason code) so that millions of findings are cheap to write; the
-- `findings` view (re)built by ceasefire.assess adds the words: reason text, accused party, grade, evidence.

-- The provisions as judged: one row per provision of each assessed account.
CREATE TABLE assessed_provisions (
    pkey              INTEGER NOT NULL,
    level             VARCHAR NOT NULL,   -- report | incident: what was judged against this row
    agreement         VARCHAR NOT NULL,
    account           VARCHAR NOT NULL,
    account_party     VARCHAR,
    provision         VARCHAR NOT NULL,
    bound             VARCHAR[],
    every_party       BOOLEAN NOT NULL,
    actions           VARCHAR[],
    any_action        BOOLEAN NOT NULL,
    targets           VARCHAR[],
    any_target        BOOLEAN NOT NULL,
    countries         VARCHAR[],
    admin1            VARCHAR[],
    areas             VARCHAR[],
    win_start         TIMESTAMP NOT NULL,
    win_end           TIMESTAMP,
    in_force          BOOLEAN NOT NULL,
    not_in_force_why  VARCHAR
);

-- One row per (subject, provision). report_row is the rowid of the report in `reports` (append-only);
-- incident_id is set instead when incidents were judged. code indexes ceasefire.assess.REASON_CODES.
CREATE TABLE finding_codes (
    report_row   BIGINT,
    incident_id  VARCHAR,
    pkey         INTEGER NOT NULL,
    code         UTINYINT NOT NULL
);
