-- Jurisdiction reviews of host states: the event that triggered each, the treaty findings from OPA, the legal
-- officer's outcome with its justification, the security officer's confirmation of an evacuation, and the
-- evidence and notification recorded for every outcome.
create table jurisdiction_review (
    id                  varchar(36)   primary key,
    agreement_key       varchar(40)   not null,
    origin              varchar(20)   not null,
    event_kind          varchar(30)   not null,
    description         varchar(2000) not null,
    sites               varchar(500)  not null,
    originating_state   varchar(2)    not null,
    host_state          varchar(2)    not null,
    reported_by         varchar(64)   not null,
    reported_at         timestamp     not null,
    status              varchar(30)   not null,
    findings            varchar(8000) not null,
    outcome             varchar(20),
    justification       varchar(2000),
    assessed_by         varchar(64),
    assessed_at         timestamp,
    confirmed_by        varchar(64),
    confirmed_at        timestamp,
    confirmation_note   varchar(2000),
    evidence            varchar(8000) not null,
    notification        varchar(2000),
    notified_at         timestamp,
    process_instance_id varchar(64),
    updated_at          timestamp     not null
);
create index jurisdiction_review_agreement on jurisdiction_review (agreement_key);
