-- A supervisor marks an agent absent: no new dossier is assigned to them meanwhile
-- (src-shared/domain/assignments.ts `assigneeRefusal`).
alter table users add column absent boolean not null default false;
