-- The publication lock becomes a lease: a publication takes it in a short transaction of its own, does its work
-- with OPA (check, test, sign, serve, wait for activation; tens of seconds) holding no database connection, and
-- records the result and gives the lease back in another short transaction. A lease whose holder died (a killed
-- node) lapses at held_until and the next publication takes it over.
alter table publication_lock add column holder varchar(200);
alter table publication_lock add column held_since timestamp;
alter table publication_lock add column held_until timestamp;
