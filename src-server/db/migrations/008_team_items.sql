-- The team's shared views and macros (src-shared/domain/team.ts), synced to every back office.
-- `data` is the whole document as the shared schemas read it (id, createdBy and updatedAt included):
-- the feed sends it as stored. The client chooses the id (a UUID), so saving again is harmless.
create table team_items (
  id text primary key,
  kind text not null check (kind in ('view', 'macro')),
  -- `teamNameKey(name)`: names are unique per kind as a person reads them (case and accents aside).
  name_key text not null,
  data jsonb not null,
  created_by text not null references users (id),
  updated_at timestamptz not null,
  unique (kind, name_key)
);

-- Their changes go through the change log (staff only), as `team_view` and `macro`.
alter table changes drop constraint changes_entity_check;
alter table changes add constraint changes_entity_check
  check (entity in ('dossier', 'message', 'event', 'user', 'merchant', 'team_view', 'macro'));
