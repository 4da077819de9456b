-- Decisions under terms of schema_version 2 carry the duties they create (notice after activation, reports after
-- an entry, evacuation after termination): recorded with the decision, null when it carries none.
alter table policy_decision add column obligations_json varchar(20000);
