-- The workflows' gateways route on process variables; the steps that act on a decision (accept, replicate abroad)
-- re-check it here, where only the portal's services write: the treaty outcome and whether the review approved.
-- The security officer's refusal of keys gets its own columns instead of overwriting the legal review.
alter table onboarding_request add column decision_outcome varchar(20);
alter table onboarding_request add column review_approved boolean;
alter table onboarding_request add column keys_refused_by varchar(64);
alter table onboarding_request add column keys_comment varchar(2000);
alter table transfer_request add column decision_outcome varchar(20);
alter table transfer_request add column review_approved boolean;
update onboarding_request set decision_outcome = 'REVIEW_REQUIRED' where status = 'IN_REVIEW';
update transfer_request set decision_outcome = 'REVIEW_REQUIRED' where status = 'IN_REVIEW';
-- Requests already past acceptance were accepted by the earlier process: record what it decided.
update onboarding_request
   set decision_outcome = case when reviewed_by is null then 'ALLOW' else 'REVIEW_REQUIRED' end,
       review_approved = case when reviewed_by is null then null else true end
 where decision_outcome is null and status in ('ACCEPTED', 'REPLICATING', 'ACTIVE');
update transfer_request
   set decision_outcome = case when reviewed_by is null then 'ALLOW' else 'REVIEW_REQUIRED' end,
       review_approved = case when reviewed_by is null then null else true end
 where decision_outcome is null and status in ('REPLICATING', 'COMPLETED');
