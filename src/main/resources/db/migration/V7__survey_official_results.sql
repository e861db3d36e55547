-- Results the province or city publishes for an official round (module survey): per unit in the
-- round's scope, the scores and the rank among the units ranked together.
create table official_result (
    survey_round       bigint       not null references survey_round (id),
    unit_id            bigint       not null,
    overall_score      numeric(5, 2),
    security_score     numeric(5, 2),
    satisfaction_score numeric(5, 2),
    rank_position      integer,
    ranked_among       integer,
    note               varchar(200),
    updated_at         timestamp with time zone not null,
    updated_by         varchar(64)  not null,
    constraint official_result_pk primary key (survey_round, unit_id)
);
