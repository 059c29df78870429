-- The member list counts its matches (up to MEMBER_COUNT_CAP) with an age filter inside a scope:
-- with only (region_id, org_id) and (region_id, birth_date) the planner read every member of the
-- region born in the band and then kept those of the scope's organizations (a street's 30–35-year-
-- olds: 110,105 rows read for 13,676 kept, 500 ms at 1,000,000 members on PostgreSQL). With the
-- birth date after the branch, each organization of the scope reads just its members of that age.
-- It serves every look-up by (region_id, org_id) too, so it replaces member_org_idx.
create index member_org_birth_idx on member (region_id, org_id, birth_date);
drop index member_org_idx;
