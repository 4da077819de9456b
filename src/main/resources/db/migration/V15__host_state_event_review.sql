-- The jurisdiction review that recorded a host-state event, as a column of its own (the audit trail of the event's end
-- is the review's), instead of parsed out of the reference text; filled for the events recorded before.
alter table host_state_event add column review_id varchar(36);
update host_state_event set review_id = substring(reference, 21) where reference like 'jurisdiction-review:%';
