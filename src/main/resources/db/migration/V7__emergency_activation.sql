-- Emergency activation: one row per activation (trigger, decisions, status, notice), the datasets it serves,
-- the committee's votes and the key ceremony record. Key shares are never stored: only which member holds
-- which share index and a check value of it.
create table emergency_activation (
    id                  varchar(36)   primary key,
    agreement_key       varchar(64)   not null,
    site                varchar(64)   not null,
    emergency_type      varchar(40)   not null,
    justification       varchar(2000) not null,
    declarations        varchar(400)  not null,
    rehearsal           boolean       not null,
    triggered_by        varchar(100)  not null,
    trigger_role        varchar(40)   not null,
    triggered_at        timestamp     not null,
    status              varchar(20)   not null,
    quorum_m            int           not null,
    quorum_n            int           not null,
    notice_hours        int           not null,
    decision_reasons    varchar(4000) not null,
    key_source          varchar(200),
    notified_at         timestamp,
    notice_confirmed_by varchar(100),
    notice_overdue      boolean       not null,
    stand_down_round    int           not null,
    stand_down_by       varchar(100),
    stand_down_reason   varchar(2000),
    process_instance_id varchar(64),
    updated_at          timestamp     not null
);

create table activation_dataset (
    activation_id varchar(36)  not null,
    dataset_id    varchar(64)  not null,
    dataset_name  varchar(200) not null,
    snapshot_id   varchar(100),
    serving_path  varchar(1000),
    restored_at   timestamp,
    primary key (activation_id, dataset_id)
);

-- kind ACTIVATE (round 0) or STAND_DOWN (round 1, 2, ...): one vote per member per kind and round.
create table activation_vote (
    activation_id varchar(36)  not null,
    kind          varchar(12)  not null,
    round_no      int          not null,
    member        varchar(100) not null,
    treaty_role   varchar(40)  not null,
    approve       boolean      not null,
    with_share    boolean      not null,
    cast_at       timestamp    not null,
    constraint uq_activation_vote unique (activation_id, kind, round_no, member)
);

create table key_ceremony (
    id              varchar(36)  primary key,
    performed_by    varchar(100) not null,
    performed_at    timestamp    not null,
    threshold_m     int          not null,
    shares_n        int          not null,
    set_id          varchar(32)  not null,
    kek_fingerprint varchar(64)  not null
);

create table key_ceremony_share (
    ceremony_id varchar(36)  not null,
    member      varchar(100) not null,
    share_index int          not null,
    share_check varchar(64)  not null,
    primary key (ceremony_id, member)
);
