-- The host state's situation as a legal officer records it with a jurisdiction review: what happened (martial law, a
-- state of emergency, a court order …), in which state, from which day to which day (both included; no end while it
-- lasts) and at which sites. Every treaty decision sees the events as input.facts.events.
create table host_state_event (
    id          varchar(36)  primary key,
    kind        varchar(40)  not null,
    state       varchar(2)   not null,
    start_day   date         not null,
    end_day     date,
    sites       varchar(500) not null,
    reference   varchar(200) not null,
    source      varchar(200) not null,
    recorded_by varchar(64)  not null,
    recorded_at timestamp    not null,
    ended_by    varchar(64)
);
create index host_state_event_end on host_state_event (end_day);
