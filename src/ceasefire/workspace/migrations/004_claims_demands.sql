-- Demands and claims (the readouts/demands/claims issue). Append-only: nothing here is ever updated in place.
--
--   demand_sources  one row per text that demands were read from (readout, statement, article); re-adding the
--                   same text (same source_id) adds nothing
--   demands         one row per demand or condition a party stated in one source
--   claims          checkable statements by named speakers ("troops in Kursk are surrounded")
--   claim_evidence  reports, incidents or URLs that support or refute a claim
--   claim_verdicts  verdicts on a claim; the newest row (by added_at, then seq) is the current verdict

CREATE SEQUENCE IF NOT EXISTS claim_verdict_seq START 1;

CREATE TABLE demand_sources (
    source_id   VARCHAR PRIMARY KEY,   -- first 16 hex digits of sha256(party, date, body text)
    party       VARCHAR,               -- party that issued the text
    issuer      VARCHAR,
    published   DATE,
    url         VARCHAR,
    title       VARCHAR,
    file        VARCHAR,
    lang        VARCHAR,
    kind        VARCHAR,               -- readout | statement | article | op-ed
    demands     INTEGER NOT NULL,      -- how many demands were read from it (0 counts: it restated none)
    added_at    TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE demands (
    demand_id   VARCHAR PRIMARY KEY,   -- source_id + ':' + position in the source
    source_id   VARCHAR NOT NULL,
    party       VARCHAR,               -- party that states the demand
    published   DATE,
    kind        VARCHAR NOT NULL,      -- demand | condition
    text        VARCHAR NOT NULL,      -- the demand itself, as worded
    sentence    VARCHAR NOT NULL,      -- the sentence it came from
    line        INTEGER,               -- line of that sentence in the file
    lang        VARCHAR NOT NULL,
    concepts    VARCHAR[] NOT NULL,    -- language-neutral concepts (reading lexicons), for matching wordings
    lemmas      VARCHAR[] NOT NULL     -- content lemmas, for matching wordings in one language
);

CREATE TABLE claims (
    claim_id          VARCHAR PRIMARY KEY,   -- 'c-' + first 10 hex digits of sha256(speaker, date, text)
    speaker           VARCHAR NOT NULL,
    party             VARCHAR,
    said_on           DATE,
    text              VARCHAR NOT NULL,
    appearance_url    VARCHAR,               -- where it appeared (a URL)
    appearance_title  VARCHAR,               -- or a description of where (outlet, programme, post)
    lang              VARCHAR,
    added_at          TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE claim_evidence (
    claim_id   VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,   -- report | incident | url
    ref        VARCHAR NOT NULL,   -- report_id, incident_id or URL
    stance     VARCHAR NOT NULL,   -- supports | refutes
    note       VARCHAR,
    added_at   TIMESTAMP NOT NULL DEFAULT current_timestamp,
    PRIMARY KEY (claim_id, kind, ref)
);

CREATE TABLE claim_verdicts (
    seq          BIGINT NOT NULL DEFAULT nextval('claim_verdict_seq'),
    claim_id     VARCHAR NOT NULL,
    verdict      VARCHAR NOT NULL,   -- a name on the scale in ceasefire/claims/verdicts.yaml
    rationale    VARCHAR NOT NULL,
    author       VARCHAR,            -- who reviewed (organisation or person)
    reviewed_on  DATE NOT NULL,
    url          VARCHAR,            -- where the review is published
    added_at     TIMESTAMP NOT NULL DEFAULT current_timestamp
);
