-- What the data owner asks for: the embassy sites wanted and the recovery-point target in hours.
alter table onboarding_request add column wanted_sites varchar(400);
alter table onboarding_request add column rpo_hours int;
