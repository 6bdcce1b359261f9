-- An alert is a (customer, subject) pair: one alert names every listing of
-- a sanctioned subject. Alerts raised per listing before keep their entity
-- ID and take it as their subject ID, a subject of one listing, with no
-- members recorded ('[]'): the first monitoring run on a resolved snapshot
-- adopts them into their entity's subject then, merging a customer's open
-- alerts that fall into one subject (store.Monitoring.AdoptSubjects). The
-- migration cannot do it: the subjects are the resolution's, made from
-- the lists at startup, and a merge is audited on the chained trail.
ALTER TABLE alerts ADD COLUMN subject_id TEXT NOT NULL DEFAULT '';
ALTER TABLE alerts ADD COLUMN members TEXT NOT NULL DEFAULT '[]';
ALTER TABLE alerts ADD COLUMN merged_into BIGINT NOT NULL DEFAULT 0;
UPDATE alerts SET subject_id = entity_id;
CREATE INDEX alerts_subject ON alerts (customer_id, subject_id);
-- The alerts a resolution is still to adopt (few, and none once adopted).
CREATE INDEX alerts_unadopted ON alerts (id) WHERE members = '[]';
