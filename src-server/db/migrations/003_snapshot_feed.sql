-- The staff's first sync: a snapshot first (docs/sync.md, "The first sync").

-- The open dossiers, in id order, page by page (keyset). They are a fifth of the table: a partial
-- index walks only them instead of filtering the whole primary key.
create index dossiers_open_by_id on dossiers (id) where status <> 'closed';

-- How many rows the change log holds, kept by the database itself at every insert, delete and
-- truncate, so the first page of a snapshot reads its total instead of counting the whole log.
-- Appends already queue up on one advisory lock (store/changes.ts): this row adds no contention.
create table change_log_size (
  id boolean primary key default true check (id),
  entries bigint not null
);
insert into change_log_size (entries) select count(*) from changes;

create function change_log_size_add() returns trigger language plpgsql as $$
declare
  n bigint;
begin
  -- `insert … on conflict do update` lists here only the rows it inserted, not those it moved.
  select count(*) into n from added;
  if n > 0 then
    update change_log_size set entries = entries + n;
  end if;
  return null;
end;
$$;
create function change_log_size_remove() returns trigger language plpgsql as $$
declare
  n bigint;
begin
  select count(*) into n from removed;
  if n > 0 then
    update change_log_size set entries = entries - n;
  end if;
  return null;
end;
$$;
create function change_log_size_reset() returns trigger language plpgsql as $$
begin
  update change_log_size set entries = 0;
  return null;
end;
$$;
create trigger changes_size_insert after insert on changes
  referencing new table as added for each statement execute function change_log_size_add();
create trigger changes_size_delete after delete on changes
  referencing old table as removed for each statement execute function change_log_size_remove();
create trigger changes_size_truncate after truncate on changes
  for each statement execute function change_log_size_reset();
