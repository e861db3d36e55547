-- Which townships an interviewer calls in a round (module fieldwork). An interviewer without rows
-- for a round calls every township of it.
create table interviewer_township (
    survey_round bigint      not null references survey_round (id),
    interviewer  varchar(50) not null,
    township_id  bigint      not null,
    constraint interviewer_township_pk primary key (survey_round, interviewer, township_id)
);
