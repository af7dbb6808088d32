-- Incidents: reports of one real-world event merged across sources and languages (ceasefire.incidents).
-- Reports are never changed here; these tables only say which incident each report belongs to, and why.

-- Which incident each report is in. Rewritten for the reports an update touches; derived, never edited by hand.
CREATE TABLE incident_members (
    report_id   VARCHAR PRIMARY KEY,
    incident_id VARCHAR NOT NULL,
    role        VARCHAR NOT NULL      -- anchor | attached | area | pinned | single
);

-- Candidate pairs the blocking found compatible (a < b): the "why" behind a merge, and the graph an update walks.
CREATE TABLE incident_pairs (
    a           VARCHAR NOT NULL,
    b           VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,     -- strong | touch (two precise reports, windows overlap | meet) |
                                      -- attach (precise + coarse) | area (two coarse)
    place_how   VARCHAR NOT NULL,     -- distance | same_name | same_admin1 | same_country
    distance_km DOUBLE,
    gap_hours   DOUBLE NOT NULL       -- 0 when the windows overlap
);

-- An analyst's split or merge. Each decision pins reports to a group; pins survive every update and rebuild.
CREATE TABLE incident_decisions (
    decision_id  BIGINT PRIMARY KEY,
    kind         VARCHAR NOT NULL,    -- split | merge
    incident_ids VARCHAR[] NOT NULL,
    report_ids   VARCHAR[] NOT NULL,
    note         VARCHAR,
    decided_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);

CREATE TABLE incident_pins (
    report_id   VARCHAR PRIMARY KEY,
    pin         VARCHAR NOT NULL,     -- reports with the same pin are one incident; different pins never are
    decision_id BIGINT NOT NULL
);

-- Source → affiliation. Bundled rows (origin 'bundled') are reloaded from ceasefire/incidents/sources.yaml;
-- rows the user adds (origin 'user') are kept and win over bundled ones.
CREATE TABLE source_registry (
    name        VARCHAR NOT NULL,     -- canonical name
    alias       VARCHAR NOT NULL,     -- lower-case spelling matched against reports.source (or reports.feed)
    match_on    VARCHAR NOT NULL,     -- source | feed
    party       VARCHAR,              -- RU | UA | ... ; NULL for independent sources
    kind        VARCHAR NOT NULL,     -- state | state_media | company | media | wire | monitor | coder
    origin      VARCHAR NOT NULL      -- bundled | user
);

-- Whose word each report is. side: the party whose statement it is (RU, UA, ...), 'independent', or NULL (unknown).
-- A party-affiliated source speaks for its party whatever it quotes; an independent or unknown outlet relaying a
-- named claimant carries the claimant's word; only an independent source speaking in its own voice (or a
-- registered coder feed such as ACLED or UCDP, whose rows are the coders' own coding) is 'independent'.
CREATE VIEW report_sides AS
WITH names AS (
    SELECT DISTINCT source,
           ' ' || trim(regexp_replace(lower(source), '[^\p{L}\p{N}\p{M}]+', ' ', 'g')) || ' ' AS padded
    FROM reports WHERE source IS NOT NULL
), by_source AS (
    SELECT n.source, g.name, g.party, g.kind
    FROM names n JOIN source_registry g ON g.match_on = 'source' AND contains(n.padded, ' ' || g.alias || ' ')
    QUALIFY row_number() OVER (PARTITION BY n.source
                               ORDER BY (g.origin = 'user') DESC, length(g.alias) DESC, g.name) = 1
), by_feed AS (
    SELECT alias AS feed, name, party, kind FROM source_registry WHERE match_on = 'feed'
    QUALIFY row_number() OVER (PARTITION BY alias ORDER BY (origin = 'user') DESC, name) = 1
)
SELECT r.report_id, r.feed, r.source, upper(r.claimant) AS claimant, upper(r.actor) AS actor, r.stance,
       coalesce(f.name, s.name) AS registered_as,
       coalesce(f.kind, s.kind) AS source_kind,
       CASE WHEN coalesce(f.name, s.name) IS NULL THEN NULL
            WHEN f.name IS NOT NULL THEN coalesce(f.party || ' ' || f.kind, 'independent ' || f.kind)
            ELSE coalesce(s.party || ' ' || s.kind, 'independent ' || s.kind) END AS affiliation,
       CASE WHEN f.name IS NOT NULL AND f.party IS NOT NULL THEN f.party
            WHEN f.name IS NULL AND s.party IS NOT NULL THEN s.party
            WHEN r.claimant IS NOT NULL THEN upper(r.claimant)
            WHEN coalesce(f.name, s.name) IS NOT NULL THEN 'independent'
            ELSE NULL END AS side
FROM reports r
LEFT JOIN by_source s ON s.source = r.source
LEFT JOIN by_feed f ON f.feed = lower(r.feed);

-- One row per incident and party named as the actor by any of its reports, with that party's grade.
CREATE VIEW incident_accused AS
WITH m AS (
    SELECT im.incident_id, s.* FROM incident_members im JOIN report_sides s USING (report_id)
), named AS (
    SELECT incident_id, actor AS accused,
           count(*) FILTER (WHERE stance <> 'denial') AS accusing, count(*) AS naming
    FROM m WHERE actor IS NOT NULL GROUP BY incident_id, actor
), judged AS (
    SELECT n.incident_id, n.accused, n.accusing, n.naming,
           bool_or(m.side = 'independent' AND m.actor = n.accused AND m.stance <> 'denial') AS by_independent,
           bool_or(m.side = n.accused AND m.actor = n.accused AND m.stance <> 'denial') AS admitted,
           bool_or(m.side = n.accused AND (m.stance = 'denial' OR (m.actor IS NOT NULL AND m.actor <> n.accused)))
               AS denied,
           list(m.report_id ORDER BY m.report_id) FILTER (
               WHERE m.actor = n.accused OR m.side = n.accused OR m.side = 'independent') AS evidence,
           list(DISTINCT coalesce(m.registered_as, m.source, m.feed)) FILTER (
               WHERE m.actor = n.accused OR m.side = n.accused OR m.side = 'independent') AS sources
    FROM named n JOIN m USING (incident_id)
    GROUP BY n.incident_id, n.accused, n.accusing, n.naming
)
SELECT incident_id, accused,
       CASE WHEN by_independent OR admitted THEN 'corroborated'
            WHEN denied THEN 'disputed'
            ELSE 'alleged' END AS grade,
       by_independent, admitted, denied, evidence, list_sort(sources) AS sources,
       row_number() OVER (PARTITION BY incident_id ORDER BY accusing DESC, naming DESC, accused) = 1 AS is_primary
FROM judged;

-- One row per incident: its primary accused party (most reports naming it) and grade; 'unattributed' when no
-- report names an actor. evidence/sources: every report of the incident.
CREATE VIEW incident_grades AS
WITH members AS (
    SELECT im.incident_id, list(s.report_id ORDER BY s.report_id) AS report_ids,
           list_sort(list(DISTINCT coalesce(s.registered_as, s.source, s.feed))) AS sources
    FROM incident_members im JOIN report_sides s USING (report_id)
    GROUP BY im.incident_id
)
SELECT m.incident_id, a.accused, coalesce(a.grade, 'unattributed') AS grade, m.report_ids AS evidence,
       m.sources, coalesce(a.denied, false) AS denied
FROM members m LEFT JOIN incident_accused a ON a.incident_id = m.incident_id AND a.is_primary;

-- One row per report in an incident, with the incident's grade: what `assess` joins findings against.
CREATE VIEW incident_evidence AS
SELECT im.report_id, im.incident_id, g.grade, g.accused, g.evidence, g.sources,
       s.source, s.affiliation, s.side, s.stance, s.actor, s.claimant
FROM incident_members im
JOIN incident_grades g USING (incident_id)
JOIN report_sides s USING (report_id);

-- One row per incident with the fields `ceasefire incidents` lists.
CREATE VIEW incidents AS
WITH r AS (
    SELECT im.incident_id, rp.*,
           CASE WHEN rp.lat IS NOT NULL THEN 0 WHEN rp.place_name IS NOT NULL THEN 1
                WHEN rp.admin1 IS NOT NULL THEN 2 WHEN rp.country IS NOT NULL THEN 3 ELSE 4 END AS place_rank,
           length(rp.target_type) - length(replace(rp.target_type, '.', '')) AS target_depth
    FROM incident_members im JOIN reports rp USING (report_id)
), agg AS (
    SELECT incident_id, count(*) AS n_reports,
           arg_min({'start': when_start, 'end': when_end},
                   (when_start IS NULL, coalesce(epoch(when_end) - epoch(when_start), 1e12), when_start, report_id))
               AS "when",
           arg_min({'name': place_name, 'admin1': admin1, 'country': country, 'lat': lat, 'lon': lon},
                   (place_rank, report_id)) AS place,
           max({'depth': target_depth, 'type': target_type}).type AS target_type,
           max({'known': weapon <> 'unknown', 'weapon': weapon}).weapon AS weapon
    FROM r GROUP BY incident_id
)
SELECT agg.incident_id, g.evidence AS report_ids, agg.n_reports, agg."when", agg.place,
       agg.target_type, split_part(agg.target_type, '.', 1) AS target_category, agg.weapon,
       g.accused, g.grade, g.denied, g.sources
FROM agg JOIN incident_grades g USING (incident_id);
