-- Notices about citizen requests and disputes as well as tasks (module workplan, ADR 0015): each
-- notice carries the path of the page it is about.
alter table notification add column link varchar(200);
update notification set link = '/workplan/tasks/' || task_id where task_id is not null;
-- Notices whose subject has moved on are settled by their link.
create index notification_link_idx on notification (link, read_at);
