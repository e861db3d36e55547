-- Quality control of telephone interviews (module fieldwork, ADR 0010).

-- A complete keeps the id of the response it produced and the quota cell it filled, so that quality
-- control can read its answers and, if it was fabricated, invalidate it and give the place back.
-- Only fieldwork supervisors reach this link; units never see individual responses.
alter table call_attempt add column response_id bigint;
alter table call_attempt add column screened_gender varchar(10);
alter table call_attempt add column screened_age_group varchar(20);
alter table call_attempt add column invalidated_at timestamp with time zone;
alter table call_attempt add column invalidated_by varchar(50);
alter table call_attempt add column invalidation_reason varchar(500);
create index call_attempt_response_idx on call_attempt (response_id);

-- Completed interviews drawn for a verification call-back, and what the call-back found.
create table verification (
    attempt_id   bigint      primary key references call_attempt (id),
    survey_round bigint      not null references survey_round (id),
    flagged      boolean     not null,
    drawn_at     timestamp with time zone not null,
    drawn_by     varchar(50),
    outcome      varchar(20),
    note         varchar(500),
    checked_at   timestamp with time zone,
    checked_by   varchar(50)
);
create index verification_round_idx on verification (survey_round);
