-- What the user said of the lists imported with `veto import ftm|csv`:
-- their kind (sanction, pep, internal, debarment, ...), the regime they
-- belong to, their title and publisher. Official lists have no row: their
-- publisher says it. One row per list, replaced at each import.
CREATE TABLE list_info (
    list         TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    jurisdiction TEXT NOT NULL,
    title        TEXT NOT NULL,
    publisher    TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
