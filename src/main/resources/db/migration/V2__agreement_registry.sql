-- Agreement registry: every agreement, every version of its treaty rules, and every publication.
-- Portable between H2 2.x and PostgreSQL 13+ (long texts as varchar(1000000)).

create table agreement (
    agreement_key varchar(40)  primary key,
    agreement_id  varchar(40)  not null unique,
    created_at    timestamp    not null,
    created_by    varchar(64)  not null
);

-- One row per version. Content (terms, Rego, tests) never changes once the version leaves DRAFT.
create table agreement_version (
    agreement_key   varchar(40)     not null references agreement (agreement_key),
    version         int             not null,
    status          varchar(20)     not null,
    kind            varchar(20)     not null,
    based_on        int,
    title           varchar(500)    not null,
    lifecycle       varchar(20)     not null,
    terms_json      varchar(1000000) not null,
    rego_source     varchar(1000000) not null,
    tests_source    varchar(1000000) not null,
    change_note     varchar(2000)   not null,
    author          varchar(64)     not null,
    created_at      timestamp       not null,
    updated_at      timestamp       not null,
    submitted_at    timestamp,
    reviewer        varchar(64),
    reviewed_at     timestamp,
    review_comment  varchar(2000),
    published_by    varchar(64),
    published_at    timestamp,
    bundle_revision varchar(100),
    primary key (agreement_key, version)
);
create index agreement_version_status on agreement_version (status);

-- Every bundle the registry published, in order; the last row is what OPA should run.
create table policy_publication (
    seq            bigint        primary key,
    revision       varchar(100)  not null,
    agreement_key  varchar(40)   not null,
    version        int           not null,
    published_by   varchar(64)   not null,
    published_at   timestamp     not null,
    active_after_ms bigint       not null
);
