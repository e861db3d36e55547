-- Which notices a user also receives by e-mail (module workplan); a kind without a row takes its default.
create table notice_email_setting (
    username varchar(50) not null,
    kind     varchar(20) not null,
    by_email boolean     not null,
    primary key (username, kind)
);
