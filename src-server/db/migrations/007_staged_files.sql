-- Files staff upload before the reply or forward that lists them (PUT /api/v1/uploads/{id}): a push
-- is too small to carry them. The client chooses the id; binding the file to its message moves it
-- into `attachments` under the same id. Files never bound are deleted after a week (the scheduler).
create table staged_files (
  id uuid primary key,
  account_id text not null references users (id),
  filename text not null,
  content_type text not null,
  size integer not null check (size >= 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null
);
create index staged_files_created on staged_files (created_at);
