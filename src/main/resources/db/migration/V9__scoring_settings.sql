-- Weighting settings per round (module scoring): which population margins the weights are raked to,
-- optional trimming bounds (multiples of the mean weight), and which indicator scores each
-- political-legal department. A round without a row uses the defaults (all margins, no trimming).
create table scoring_settings (
    survey_round bigint primary key,
    margins      varchar(100) not null,
    trim_low     double precision,
    trim_high    double precision,
    updated_at   timestamp with time zone not null
);

create table department_indicator (
    survey_round bigint      not null,
    unit_id      bigint      not null,
    indicator    varchar(64) not null,
    constraint department_indicator_pk primary key (survey_round, unit_id)
);
