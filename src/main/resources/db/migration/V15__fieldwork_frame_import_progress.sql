-- Sample frames are imported in the background (module fieldwork): status IMPORTING while the file is
-- read, with how far it got, and FAILED with the reason when the file could not be used (nothing of
-- it is kept then).
alter table sample_frame add column rows_read integer not null default 0;
alter table sample_frame add column bytes_read bigint;
alter table sample_frame add column bytes_total bigint;
alter table sample_frame add column progress_at timestamp with time zone;
alter table sample_frame add column failure_key varchar(100);
alter table sample_frame add column failure_args varchar(500);
