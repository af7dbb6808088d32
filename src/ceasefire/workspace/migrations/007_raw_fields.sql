-- Raw CSV rows as one text per row (raw_rows.fields) instead of one VARCHAR column per CSV field (the raw_acled,
-- raw_ucdp and raw_airforce tables of 002). Writing one string per row costs DuckDB far less than writing twenty
-- or fifty (ingest time at a million rows), and the same table now serves every CSV feed whatever its columns.
--
-- raw_headers (replacing 002's raw_columns), per ingest: `keys` the file's header names in order (the JSON keys of
-- the rebuilt row), `stored` the keys whose values `fields` holds, in order (ACLED's event_id_cnty, notes, source,
-- location and admin1 are not stored: the views take them from the report), and `encoding` how `fields` holds them:
--   'us'   values joined by the unit separator U+001F, a NULL field written as U+001E alone (used when no value
--          of the file contains either character);
--   'json' a JSON array of strings and nulls (used otherwise, and for rows migrated from 002's tables).
-- Read raw rows through the views report_raw and tally_raw, never from the tables.

CREATE TABLE raw_rows (
    _cf_ingest_id BIGINT NOT NULL,
    _cf_line      BIGINT NOT NULL,
    fields        VARCHAR NOT NULL
);

-- raw_columns gives way to raw_headers (DuckDB cannot alter a table and change its rows in one transaction).
CREATE TABLE raw_headers (
    ingest_id   BIGINT NOT NULL,
    feed        VARCHAR NOT NULL,
    keys        VARCHAR[] NOT NULL,   -- the header names as read, in file order
    stored      VARCHAR[] NOT NULL,   -- the keys whose values raw_rows.fields holds, in order
    encoding    VARCHAR NOT NULL      -- 'us' or 'json' (see above)
);

-- Rows kept by 002's tables move over as JSON arrays. In 002, `columns` named each key's raw_<feed> column, or
-- repeated the key itself for ACLED's rebuilt fields (which no raw_acled column holds).
INSERT INTO raw_headers
SELECT ingest_id, feed, keys,
       list_filter(keys, lambda k: NOT (feed = 'acled'
           AND list_contains(['event_id_cnty', 'notes', 'source', 'location', 'admin1'], k))),
       'json'
FROM raw_columns;

INSERT INTO raw_rows
SELECT a._cf_ingest_id, a._cf_line,
       to_json(list_transform(list_filter(h.columns, lambda c: NOT list_contains(
           ['event_id_cnty', 'notes', 'source', 'location', 'admin1'], c)), lambda c: m[c]))::VARCHAR
FROM (SELECT *, CAST(a AS MAP(VARCHAR, VARCHAR)) AS m FROM raw_acled a) a
JOIN raw_columns h ON h.ingest_id = a._cf_ingest_id;

INSERT INTO raw_rows
SELECT u._cf_ingest_id, u._cf_line, to_json(list_transform(h.columns, lambda c: m[c]))::VARCHAR
FROM (SELECT *, CAST(u AS MAP(VARCHAR, VARCHAR)) AS m FROM raw_ucdp u) u
JOIN raw_columns h ON h.ingest_id = u._cf_ingest_id;

INSERT INTO raw_rows
SELECT f._cf_ingest_id, f._cf_line, to_json(list_transform(h.columns, lambda c: m[c]))::VARCHAR
FROM (SELECT *, CAST(f AS MAP(VARCHAR, VARCHAR)) AS m FROM raw_airforce f) f
JOIN raw_columns h ON h.ingest_id = f._cf_ingest_id;

DROP VIEW report_raw;
DROP VIEW tally_raw;
DROP TABLE raw_acled;
DROP TABLE raw_ucdp;
DROP TABLE raw_airforce;
DROP TABLE raw_columns;

-- The stored values of each raw row as a list (NULL for a NULL field), by the ingest's encoding.
CREATE MACRO _cf_raw_values(fields, encoding) AS
    CASE encoding WHEN 'json' THEN from_json(fields, '["VARCHAR"]')
    ELSE list_transform(string_split(fields, chr(31)), lambda v: nullif(v, chr(30))) END;

-- The raw row of every report as a JSON object: the header names as keys, in file order, with the values as read.
-- A stored value wins over the one rebuilt from the report (only keys not stored are looked up in the latter).
-- The rebuilt ACLED fields here are those of RAW_REBUILT in ceasefire/sources/acled.py: keep the two alike.
CREATE VIEW report_raw AS
SELECT report_id, raw FROM reports WHERE raw IS NOT NULL
UNION ALL
SELECT report_id, CAST(to_json(map_from_entries(list_zip(keys, list_transform(keys, lambda k: m[k])))) AS JSON)
FROM (
    SELECT r.report_id, h.keys,
           map_concat(MAP {'event_id_cnty': r.report_id[7:], 'notes': r.text, 'source': r.source,
                           'location': r.place_name, 'admin1': r.admin1},
                      map(h.stored, _cf_raw_values(w.fields, h.encoding))) AS m
    FROM reports r
    JOIN raw_rows w ON w._cf_ingest_id = r.ingest_id AND w._cf_line = r.source_line
    JOIN raw_headers h ON h.ingest_id = r.ingest_id
    WHERE r.raw IS NULL
);

-- The same for tallies.
CREATE VIEW tally_raw AS
SELECT tally_id, raw FROM tallies WHERE raw IS NOT NULL
UNION ALL
SELECT tally_id, CAST(to_json(map_from_entries(list_zip(keys, list_transform(keys, lambda k: m[k])))) AS JSON)
FROM (
    SELECT t.tally_id, h.keys, map(h.stored, _cf_raw_values(w.fields, h.encoding)) AS m
    FROM tallies t
    JOIN raw_rows w ON w._cf_ingest_id = t.ingest_id AND w._cf_line = t.source_line
    JOIN raw_headers h ON h.ingest_id = t.ingest_id
    WHERE t.raw IS NULL
);
