-- The list versions a customer was screened against when an alert was
-- raised (JSON []entity.VersionRef: id, list, published, hash), so that
-- an alert says what it was screened against, on every list, not only
-- the hit's version. Alerts raised before hold '[]': not recorded.
ALTER TABLE alerts ADD COLUMN versions TEXT NOT NULL DEFAULT '[]';
