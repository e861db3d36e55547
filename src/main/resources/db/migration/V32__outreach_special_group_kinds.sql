-- The kinds of special group the district cares for (module outreach): the usual three and "other"
-- to begin with; the district adds its own (e.g. people under community correction) and retires
-- kinds it no longer uses (members keep theirs). special_group_member.group_kind holds the code.
create table special_group_kind (
    code     varchar(20) primary key,
    name     varchar(20) not null,
    name_en  varchar(40) not null,
    position integer     not null,
    active   boolean     not null
);
insert into special_group_kind (code, name, name_en, position, active) values
    ('ELDERLY_ALONE', '独居老人', 'Elderly living alone', 1, true),
    ('LEFT_BEHIND_CHILD', '留守儿童', 'Left-behind child', 2, true),
    ('DISABLED', '残疾人', 'Person with disability', 3, true),
    ('OTHER', '其他困难群众', 'Other people in difficulty', 4, true);
