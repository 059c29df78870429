-- Every tree and list row shows how many active sub-organizations it has and its latest term (届).
-- Both were worked out per row on every read: a correlated count and a latest-term look-up for each
-- of a node's children (ADR 0007: for 145 children, 1,621 + 426 index reads per request, most of the
-- tree route's database time). They are stored on the organization instead, kept current by the org
-- repository in the writing transaction (create, move, dissolve; a new term), and a test compares
-- them with a recount after each kind of change.
alter table org add column child_count integer not null default 0;
alter table org add column latest_term_no integer;
alter table org add column latest_term_end date;
alter table org add constraint org_child_count_check check (child_count >= 0);
update org p set child_count = c.n
  from (select region_id, parent_id, count(*)::int as n from org
        where parent_id is not null and status = 'active' group by region_id, parent_id) c
  where p.region_id = c.region_id and p.id = c.parent_id;
update org o set latest_term_no = t.term_no, latest_term_end = t.end_date
  from (select distinct on (region_id, org_id) region_id, org_id, term_no, end_date from org_term
        order by region_id, org_id, term_no desc) t
  where o.region_id = t.region_id and o.id = t.org_id;
