-- Raw CSV rows kept column by column, one table per CSV feed, instead of as a JSON object in reports.raw /
-- tallies.raw (which stay, NULL for these rows, and keep holding the records of the Python-record feeds).
-- Every CSV field is kept as read (VARCHAR, NULL for an empty field). Ingest adds a column when a file brings one
-- these tables lack. raw_columns tells, per ingest, the file's header names in order (the JSON keys) and the
-- column each is stored in. ACLED fields that reports keep verbatim are not stored twice: event_id_cnty (the
-- report_id after 'acled:'), notes (text), source, location (place_name) and admin1.
-- Read raw rows through the views report_raw and tally_raw, never from the tables.

CREATE TABLE raw_columns (
    ingest_id   BIGINT NOT NULL,
    feed        VARCHAR NOT NULL,
    keys        VARCHAR[] NOT NULL,   -- the header names as read, in file order
    columns     VARCHAR[] NOT NULL    -- the raw_<feed> column (or the rebuilt field) holding each key's value
);

CREATE TABLE raw_acled (
    _cf_ingest_id BIGINT NOT NULL, _cf_line BIGINT NOT NULL,
    "event_date" VARCHAR, "year" VARCHAR, "time_precision" VARCHAR, "disorder_type" VARCHAR,
    "event_type" VARCHAR, "sub_event_type" VARCHAR, "actor1" VARCHAR, "assoc_actor_1" VARCHAR, "inter1" VARCHAR,
    "actor2" VARCHAR, "assoc_actor_2" VARCHAR, "inter2" VARCHAR, "interaction" VARCHAR,
    "civilian_targeting" VARCHAR, "iso" VARCHAR, "region" VARCHAR, "country" VARCHAR, "admin2" VARCHAR,
    "admin3" VARCHAR, "latitude" VARCHAR, "longitude" VARCHAR, "geo_precision" VARCHAR, "source_scale" VARCHAR,
    "fatalities" VARCHAR, "tags" VARCHAR, "timestamp" VARCHAR
);

CREATE TABLE raw_ucdp (
    _cf_ingest_id BIGINT NOT NULL, _cf_line BIGINT NOT NULL,
    "id" VARCHAR, "relid" VARCHAR, "year" VARCHAR, "active_year" VARCHAR, "code_status" VARCHAR,
    "type_of_violence" VARCHAR, "conflict_dset_id" VARCHAR, "conflict_new_id" VARCHAR, "conflict_name" VARCHAR,
    "dyad_dset_id" VARCHAR, "dyad_new_id" VARCHAR, "dyad_name" VARCHAR, "side_a_dset_id" VARCHAR,
    "side_a_new_id" VARCHAR, "side_a" VARCHAR, "side_b_dset_id" VARCHAR, "side_b_new_id" VARCHAR,
    "side_b" VARCHAR, "number_of_sources" VARCHAR, "source_article" VARCHAR, "source_office" VARCHAR,
    "source_date" VARCHAR, "source_headline" VARCHAR, "source_original" VARCHAR, "where_prec" VARCHAR,
    "where_coordinates" VARCHAR, "where_description" VARCHAR, "adm_1" VARCHAR, "adm_2" VARCHAR,
    "latitude" VARCHAR, "longitude" VARCHAR, "geom_wkt" VARCHAR, "priogrid_gid" VARCHAR, "country" VARCHAR,
    "country_id" VARCHAR, "region" VARCHAR, "event_clarity" VARCHAR, "date_prec" VARCHAR,
    "date_start" VARCHAR, "date_end" VARCHAR, "deaths_a" VARCHAR, "deaths_b" VARCHAR,
    "deaths_civilians" VARCHAR, "deaths_unknown" VARCHAR, "best" VARCHAR, "high" VARCHAR, "low" VARCHAR,
    "gwnoa" VARCHAR, "gwnob" VARCHAR
);

CREATE TABLE raw_airforce (
    _cf_ingest_id BIGINT NOT NULL, _cf_line BIGINT NOT NULL,
    "time_start" VARCHAR, "time_end" VARCHAR, "model" VARCHAR, "launch_place" VARCHAR, "target" VARCHAR,
    "target_main" VARCHAR, "launched" VARCHAR, "destroyed" VARCHAR, "not_reach_goal" VARCHAR,
    "still_attacking" VARCHAR, "border_crossing" VARCHAR, "is_shahed" VARCHAR, "num_hit_location" VARCHAR,
    "num_fall_fragment_location" VARCHAR, "carrier" VARCHAR, "turbojet" VARCHAR, "turbojet_destroyed" VARCHAR,
    "affected region" VARCHAR, "destroyed_details" VARCHAR, "launched_details" VARCHAR,
    "launch_place_details" VARCHAR, "source" VARCHAR
);

-- The raw row of every report as a JSON object: the header names as keys, in file order, with the values as read.
-- Each raw_<feed> row is turned once into a map from column name to value, in which the file's columns are looked
-- up.
CREATE VIEW report_raw AS
SELECT report_id, raw FROM reports WHERE raw IS NOT NULL
UNION ALL
SELECT report_id, CAST(to_json(map_from_entries(list_zip(keys, list_transform(columns, lambda c: m[c])))) AS JSON)
FROM (
    SELECT r.report_id, h.keys, h.columns,
           map_concat(CAST(a AS MAP(VARCHAR, VARCHAR)),
                      MAP {'event_id_cnty': r.report_id[7:], 'notes': r.text, 'source': r.source,
                           'location': r.place_name, 'admin1': r.admin1}) AS m
    FROM reports r
    JOIN raw_acled a ON a._cf_ingest_id = r.ingest_id AND a._cf_line = r.source_line
    JOIN raw_columns h ON h.ingest_id = r.ingest_id
    WHERE r.raw IS NULL
    UNION ALL
    SELECT r.report_id, h.keys, h.columns, CAST(u AS MAP(VARCHAR, VARCHAR)) AS m
    FROM reports r
    JOIN raw_ucdp u ON u._cf_ingest_id = r.ingest_id AND u._cf_line = r.source_line
    JOIN raw_columns h ON h.ingest_id = r.ingest_id
    WHERE r.raw IS NULL
);

-- The same for tallies.
CREATE VIEW tally_raw AS
SELECT tally_id, raw FROM tallies WHERE raw IS NOT NULL
UNION ALL
SELECT tally_id, CAST(to_json(map_from_entries(list_zip(keys, list_transform(columns, lambda c: m[c])))) AS JSON)
FROM (
    SELECT t.tally_id, h.keys, h.columns, CAST(f AS MAP(VARCHAR, VARCHAR)) AS m
    FROM tallies t
    JOIN raw_airforce f ON f._cf_ingest_id = t.ingest_id AND f._cf_line = t.source_line
    JOIN raw_columns h ON h.ingest_id = t.ingest_id
    WHERE t.raw IS NULL
);
