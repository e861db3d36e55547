-- The task list of a plan is read in due-date order a page at a time (module workplan): with this index
-- a page deep in a 150,000-task plan is read in order instead of sorting the whole plan (140 -> 5 ms).
create index work_task_plan_due_idx on work_task (plan_id, due_date, id);
