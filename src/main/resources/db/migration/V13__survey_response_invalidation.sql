-- Responses found not to be genuine (e.g. a fabricated telephone interview), module survey. The
-- response itself stays as it was stored (append-only, ADR 0005); this row takes it out of scoring
-- and counts, with who decided it and why.
create table response_invalidation (
    response_id    bigint       primary key references survey_response (id),
    reason         varchar(500) not null,
    invalidated_at timestamp with time zone not null,
    invalidated_by varchar(64)
);
