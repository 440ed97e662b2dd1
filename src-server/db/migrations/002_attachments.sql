-- Files parties attach to their claims and messages (receipts, photos, tracking). The content is
-- kept here, beside its metadata; the message's JSON document lists the metadata only.
create table attachments (
  id text primary key,
  dossier_id text not null references dossiers (id),
  message_id text not null references messages (id),
  filename text not null,
  content_type text not null,
  size integer not null check (size >= 0),
  sha256 text not null,
  content bytea not null,
  created_at timestamptz not null
);
create index attachments_message on attachments (message_id);
