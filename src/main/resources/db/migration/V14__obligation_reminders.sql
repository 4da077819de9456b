-- Duties met by a portal activity (fulfilled_through: a closed jurisdiction review), reminders before the due
-- instant (remind_at, set when the duty is first tracked: a share of its period before it is due; reminded_at once
-- the reminder went out), and the instant an emergency activation was declared ACTIVE (what a notice "within 24
-- hours of activation" counts from).
alter table obligation add column fulfilled_through varchar(40);
alter table obligation add column remind_at timestamp;
alter table obligation add column reminded_at timestamp;
alter table emergency_activation add column activated_at timestamp;
