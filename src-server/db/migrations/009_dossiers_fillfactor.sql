-- Room on each page of dossiers for a new version of a row beside the old one: an update that
-- changes no indexed column (a note, a tag, a follow-up: `data`, `version`, `updated_at`) is then a
-- heap-only tuple, written without touching the table's eight indexes. Pages written from now on
-- keep the room (an existing database gets it as its rows move, or from a VACUUM FULL).
alter table dossiers set (fillfactor = 85);
