-- A member whose relation was transferred out of the deployment (介绍信 receipt returned) stays on
-- record for history but leaves the active lists.
alter table member add column transferred_out_date date;
