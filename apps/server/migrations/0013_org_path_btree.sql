-- Subtree lists are ordered by path: a btree lets both engines read organizations in path order
-- instead of sorting the whole scope (measured by the member benchmark: at 300k members the first
-- page went from 362 ms to 0.19 ms on PostgreSQL without parallel workers, 1.0 s to 0.8 ms on PGlite).
create index org_region_path_idx on org (region_id, path);
