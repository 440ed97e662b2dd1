-- A mutation id names one change, whoever sends it again (spec: "a mutation id already applied
-- answers duplicate"): the key is the id alone, no longer (user, client, id). The fingerprint (a
-- hash of the mutation's name and arguments) tells a re-send of the same change from a different
-- change that came with a used id, which is refused instead of silently answered `duplicate`.
alter table applied_mutations add column fingerprint text;
alter table applied_mutations drop constraint applied_mutations_pkey;
-- Ids were unique per user and client before: keep the first answer of any id sent by two.
delete from applied_mutations a
  using applied_mutations b
  where a.mutation_id = b.mutation_id
    and (a.applied_at, a.user_id, a.client_id) > (b.applied_at, b.user_id, b.client_id);
alter table applied_mutations add primary key (mutation_id);
create index applied_mutations_client on applied_mutations (user_id, client_id);
