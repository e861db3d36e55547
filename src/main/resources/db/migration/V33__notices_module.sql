-- The notice centre becomes its own module (notices, ADR 0016): notification, notice_claim and
-- notice_email_setting are now its tables. A notice names its subject by its link alone (V31), so
-- the work plan's task column goes; the texts of request and dispute notices are now their
-- modules' own keys; kind names may be longer, since each module names its own.
alter table notification drop column task_id;
update notification set message_key = 'outreach.notice.' || kind where kind like 'REQUEST%';
update notification set message_key = 'disputes.notice.' || kind where kind like 'DISPUTE%';
alter table notification alter column kind set data type varchar(40);
alter table notice_email_setting alter column kind set data type varchar(40);
