-- The duties agreements impose, as the treaty rules' duties entry point states them (one row per duty and due
-- instant: a periodic duty gets a new row for each period), with who recorded them done and when they were breached.
create table obligation (
    id            varchar(36)   primary key,
    agreement_key varchar(40)   not null,
    code          varchar(100)  not null,
    clause        varchar(200)  not null,
    article       varchar(100)  not null,
    action        varchar(500)  not null,
    owed_by       varchar(2)    not null,
    owed_to       varchar(2)    not null,
    due_at        timestamp     not null,
    status        varchar(20)   not null,
    first_seen_at timestamp     not null,
    fulfilled_on  date,
    fulfilled_by  varchar(64),
    evidence      varchar(2000),
    breached_at   timestamp,
    constraint obligation_once unique (agreement_key, code, clause, due_at)
);
create index obligation_agreement on obligation (agreement_key, status);
