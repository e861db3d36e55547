-- A frame is filled by exactly one import, which now finds repeated numbers itself (module
-- fieldwork, ADR 0011). The unique index on (frame_id, phone_hash) cost most of a million-row import
-- on PostgreSQL (random 64-character keys); nothing else looks numbers up by it.
alter table frame_number drop constraint frame_number_unique;
