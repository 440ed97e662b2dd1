-- The supervisor's figures (GET /stats/overview) read one small document per dossier, taken from
-- the dossier and its audit trail (src-shared/domain/stats-facts.ts). It is refreshed when read, for
-- the dossiers whose version moved since: writes pay nothing for it.
create table dossier_facts (
  id text primary key references dossiers (id),
  version integer not null,
  data jsonb not null
);
