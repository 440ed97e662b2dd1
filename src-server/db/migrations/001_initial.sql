-- The system of record. Dossiers, messages and audit events keep the domain's own JSON document
-- (src-shared/domain/model.ts) beside the columns that are queried, indexed or constrained.

create table merchants (
  id text primary key,
  name text not null,
  email text not null,
  email_valid boolean not null,
  language text not null check (language in ('fr', 'en')),
  created_at timestamptz not null
);

create table customers (
  id text primary key,
  name text not null,
  email text not null,
  language text not null check (language in ('fr', 'en')),
  created_at timestamptz not null
);

create table users (
  id text primary key,
  email text not null,
  name text not null,
  role text not null check (role in ('agent', 'supervisor', 'customer', 'merchant')),
  password_hash text not null,
  merchant_id text references merchants (id),
  customer_id text references customers (id),
  created_at timestamptz not null,
  check ((role = 'merchant') = (merchant_id is not null)),
  check ((role = 'customer') = (customer_id is not null))
);
create unique index users_email on users (lower(email));

create table sessions (
  token_hash text primary key,
  user_id text not null references users (id),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sessions_user on sessions (user_id);

create table transactions (
  id text primary key,
  amount bigint not null check (amount > 0),
  currency text not null,
  occurred_at timestamptz not null,
  order_reference text not null,
  merchant_id text not null references merchants (id),
  customer_id text not null references customers (id)
);
create index transactions_customer on transactions (customer_id, occurred_at desc, id);
create index transactions_merchant on transactions (merchant_id, occurred_at desc, id);

create sequence dossier_number;

create table dossiers (
  id text primary key,
  reference text not null unique,
  transaction_id text not null references transactions (id),
  merchant_id text not null references merchants (id),
  customer_id text not null references customers (id),
  status text not null check (status in ('awaiting_klikpay', 'awaiting_merchant', 'awaiting_customer', 'closed')),
  assignee_id text references users (id),
  -- When the next time rule (overdue, escalation, notice, auto-close) falls due: the scheduler's index.
  next_rule_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version integer not null,
  data jsonb not null
);
-- One open dossier per transaction at a time (docs/product.md, The dossier).
create unique index dossiers_one_open_per_transaction on dossiers (transaction_id) where status <> 'closed';
create index dossiers_next_rule on dossiers (next_rule_at) where next_rule_at is not null;
create index dossiers_listing on dossiers (created_at desc, id desc);
create index dossiers_customer on dossiers (customer_id, created_at desc, id desc);
create index dossiers_merchant on dossiers (merchant_id, created_at desc, id desc);
create index dossiers_status on dossiers (status, created_at desc, id desc);

create table messages (
  id text primary key,
  dossier_id text not null references dossiers (id),
  audience text not null check (audience in ('customer', 'merchant', 'both', 'internal')),
  created_at timestamptz not null,
  position bigserial not null,
  data jsonb not null
);
create index messages_dossier on messages (dossier_id, position);

create table audit_events (
  id text primary key,
  dossier_id text not null references dossiers (id),
  type text not null,
  at timestamptz not null,
  position bigserial not null,
  data jsonb not null
);
create index audit_events_dossier on audit_events (dossier_id, position);

-- The audit trail is append-only: the database itself refuses to rewrite history.
create function audit_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit trail is append-only';
end;
$$;
create trigger audit_events_no_update before update or delete on audit_events
  for each row execute function audit_events_append_only();

-- The sync feed: one row per entity, moved to the end of the log (a fresh seq) at every change, so a
-- pull from any cursor returns each changed entity once, in commit order (see docs/sync.md).
create sequence change_seq;
create table changes (
  seq bigint primary key,
  entity text not null check (entity in ('dossier', 'message', 'event', 'user', 'merchant')),
  entity_id text not null,
  op text not null check (op in ('put', 'delete')),
  -- Who may see it: staff only, everyone concerned, or only the customer / merchant side.
  visible_to text not null check (visible_to in ('staff', 'all', 'customer', 'merchant')),
  customer_id text,
  merchant_id text,
  unique (entity, entity_id)
);
create index changes_customer on changes (customer_id, seq) where customer_id is not null;
create index changes_merchant on changes (merchant_id, seq) where merchant_id is not null;

-- Exactly-once push: every mutation id a client sent, with the answer it got.
create table applied_mutations (
  user_id text not null references users (id),
  client_id text not null,
  mutation_id text not null,
  status text not null check (status in ('applied', 'rejected')),
  error jsonb,
  dossier_id text,
  applied_at timestamptz not null,
  primary key (user_id, client_id, mutation_id)
);
