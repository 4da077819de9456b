-- Cross-border transfers: every replication of a dataset to a site abroad, with the treaty decision behind it.
create table transfer_request (
    id                  varchar(36)   primary key,
    dataset_id          varchar(36)   not null,
    dataset_name        varchar(120)  not null,
    site                varchar(60)   not null,
    purpose             varchar(40)   not null,
    requested_by        varchar(64)   not null,
    requested_at        timestamp     not null,
    status              varchar(20)   not null,
    decision_reasons    varchar(8000) not null,
    reviewed_by         varchar(64),
    review_comment      varchar(2000),
    snapshot_id         varchar(100),
    bytes_sent          bigint,
    process_instance_id varchar(64),
    updated_at          timestamp     not null
);
create index transfer_request_owner on transfer_request (requested_by);
create index transfer_request_dataset on transfer_request (dataset_id);
