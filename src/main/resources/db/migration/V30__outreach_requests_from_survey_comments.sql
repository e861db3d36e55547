-- The survey comment a citizen request was made from (module outreach); one request per comment.
alter table citizen_request add column survey_comment_id bigint;
alter table citizen_request add constraint citizen_request_comment_unique unique (survey_comment_id);
