-- Core tables. Times are naive UTC; when_end is exclusive.

CREATE SEQUENCE IF NOT EXISTS ingest_seq START 1;

-- One row per ingest run of one file.
CREATE TABLE ingests (
    ingest_id    BIGINT PRIMARY KEY,
    file         VARCHAR NOT NULL,
    sha256       VARCHAR NOT NULL,
    format       VARCHAR NOT NULL,
    started_at   TIMESTAMP NOT NULL,
    rows_read    BIGINT NOT NULL,
    rows_added   BIGINT NOT NULL,
    rows_present BIGINT NOT NULL,
    rows_quarantined BIGINT NOT NULL
);

CREATE TABLE reports (
    report_id       VARCHAR NOT NULL,
    feed            VARCHAR NOT NULL,      -- acled | ucdp | jsonl | text | ...
    source          VARCHAR,               -- who published it (outlet, ministry)
    text            VARCHAR,
    published       TIMESTAMP,
    when_start      TIMESTAMP,
    when_end        TIMESTAMP,
    place_name      VARCHAR,
    admin1          VARCHAR,
    country         VARCHAR,               -- ISO 3166-1 alpha-2, de jure
    lat             DOUBLE,
    lon             DOUBLE,
    actor           VARCHAR,               -- party accused of the act
    claimant        VARCHAR,               -- party making the statement
    target_type     VARCHAR NOT NULL,      -- dotted, e.g. energy.power
    target_category VARCHAR NOT NULL,      -- top level of target_type
    weapon          VARCHAR NOT NULL,
    action          VARCHAR,
    stance          VARCHAR NOT NULL,      -- allegation | denial | confirmation | neutral
    is_incident     BOOLEAN NOT NULL,
    fatalities      INTEGER,
    ingest_id       BIGINT NOT NULL,
    source_file     VARCHAR,
    source_line     BIGINT,
    raw             JSON                   -- the row or record exactly as read
);

-- Nightly launch/interception tallies (Air Force daily counts): counts, not incidents.
CREATE TABLE tallies (
    tally_id        VARCHAR NOT NULL,
    feed            VARCHAR NOT NULL,
    time_start      TIMESTAMP NOT NULL,
    time_end        TIMESTAMP,
    model           VARCHAR NOT NULL,
    weapon          VARCHAR NOT NULL,      -- drone | missile | ...
    launched        DOUBLE,
    destroyed       DOUBLE,
    not_reached     DOUBLE,
    ingest_id       BIGINT NOT NULL,
    source_file     VARCHAR,
    source_line     BIGINT,
    raw             JSON
);

CREATE TABLE quarantine (
    ingest_id   BIGINT NOT NULL,
    file        VARCHAR NOT NULL,
    line        BIGINT,
    reason      VARCHAR NOT NULL,
    raw         VARCHAR
);
