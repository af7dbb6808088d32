-- What `ceasefire assess --by incident` judges: one row per incident, with its primary accused party and grade
-- (see the `incidents` view of 003_incidents.sql). No action is derived for an incident, so the action test
-- does not apply at this level.
CREATE VIEW incident_subjects AS
SELECT incident_id,
       "when"."start" AS when_start,
       "when"."end" AS when_end,
       accused,
       NULL::VARCHAR AS action,
       target_type,
       place.country AS country,
       place.admin1 AS admin1,
       place.name AS place_name,
       grade,
       report_ids,
       sources
FROM incidents;
