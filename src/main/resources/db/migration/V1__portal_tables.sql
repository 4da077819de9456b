-- Portal-owned tables. Camunda creates and migrates its own ACT_* tables.
-- Portable between H2 2.x and PostgreSQL 13+.

create table portal_user (
    username      varchar(64)  primary key,
    display_name  varchar(200) not null,
    password_hash varchar(200) not null,
    roles         varchar(400) not null,
    enabled       boolean      not null,
    created_at    timestamp    not null
);

-- Head of the audit hash chain. The single row is locked by every append, which
-- serialises appends across portal nodes sharing one database.
create table audit_head (
    id        int          primary key,
    last_seq  bigint       not null,
    last_hash varchar(64)  not null
);
insert into audit_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_entry (
    seq         bigint        primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(200)  not null,
    action      varchar(100)  not null,
    subject     varchar(400)  not null,
    outcome     varchar(50)   not null,
    details     varchar(8000) not null,
    prev_hash   varchar(64)   not null,
    hash        varchar(64)   not null
);
create index audit_entry_subject on audit_entry (subject);

create table policy_decision (
    id          varchar(36)    primary key,
    decided_at  timestamp      not null,
    entry_point varchar(100)   not null,
    subject     varchar(400)   not null,
    input_json  varchar(20000) not null,
    outcome     varchar(20)    not null,
    reasons_json varchar(20000) not null
);
create index policy_decision_time on policy_decision (decided_at);

create table onboarding_request (
    id                  varchar(36)   primary key,
    name                varchar(120)  not null,
    owning_agency       varchar(120)  not null,
    legal_basis         varchar(500)  not null,
    classification      varchar(20)   not null,
    personal_data       boolean       not null,
    register_name       varchar(60)   not null,
    agreement_id        varchar(40)   not null,
    size_estimate_gib   int           not null,
    requested_by        varchar(64)   not null,
    requested_at        timestamp     not null,
    status              varchar(20)   not null,
    decision_reasons    varchar(8000) not null,
    reviewed_by         varchar(64),
    review_comment      varchar(2000),
    process_instance_id varchar(64),
    updated_at          timestamp     not null
);
create index onboarding_request_owner on onboarding_request (requested_by);
