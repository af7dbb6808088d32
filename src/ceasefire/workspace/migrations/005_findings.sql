-- Findings: each report (or incident) judged against each provision of each account.
-- Rewritten whole by `ceasefire assess` for the agreements it judges; derived, never edited by hand.
CREATE TABLE findings (
    report_id     VARCHAR,            -- set when judged per report
    incident_id   VARCHAR,            -- set when judged per incident
    agreement     VARCHAR NOT NULL,
    account       VARCHAR NOT NULL,
    account_party VARCHAR,
    provision     VARCHAR NOT NULL,
    covered       BOOLEAN NOT NULL,
    reason_code   VARCHAR NOT NULL,   -- covered | before_start | after_end | not_in_force | time_unknown |
                                      -- actor_not_bound | action_not_prohibited | target_unknown |
                                      -- target_not_in_scope | place_not_in_scope | place_unknown
    reason        VARCHAR NOT NULL,   -- one sentence a person can read
    accused       VARCHAR,
    grade         VARCHAR,            -- alleged | disputed | corroborated | unattributed (where known)
    evidence      VARCHAR[],          -- report ids the finding rests on
    sources       VARCHAR[],          -- who published those reports
    when_start    TIMESTAMP,
    when_end      TIMESTAMP,
    target_type   VARCHAR,
    country       VARCHAR,
    admin1        VARCHAR
);
