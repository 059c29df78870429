-- Login throttling (ADR 0003): failed logins counted per username and per client address, so the
-- delay before the next attempt grows with each failure and holds across processes and restarts.
-- Keys are stored as sha-256 hashes: a username typed wrong (or a password typed into the username
-- field) is never kept as text. Unknown usernames get rows like known ones.
create table login_throttle (
  region_id text not null,
  kind text not null check (kind in ('username','ip')),
  key_hash text not null,
  failures integer not null default 0,
  last_failure_at timestamptz,
  constraint login_throttle_pkey primary key (region_id, kind, key_hash)
);
-- the hourly sweep deletes counters that no longer delay anyone
create index login_throttle_last_failure_idx on login_throttle (region_id, last_failure_at);
