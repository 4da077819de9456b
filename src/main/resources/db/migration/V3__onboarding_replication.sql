-- Onboarding continues past acceptance: a security officer approves keys, source and embassy sites, then the
-- dataset is replicated, verified and activated.
alter table onboarding_request add column source_location varchar(1000);
alter table onboarding_request add column target_sites varchar(400);
alter table onboarding_request add column keys_approved_by varchar(64);
