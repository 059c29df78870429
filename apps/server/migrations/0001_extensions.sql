-- Extensions every later migration may use. On the embedded engine they are loaded by the app first.
create extension if not exists ltree;
create extension if not exists pg_trgm;
create extension if not exists btree_gist;
