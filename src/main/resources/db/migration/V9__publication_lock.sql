-- One row whose lock every publication takes until its transaction commits: publications of every agreement, on
-- every portal node sharing this database, run one after the other, and each builds its bundle from the published
-- versions the one before it committed (a lock held only in one JVM, released before the commit, allowed neither).
create table publication_lock (
    id int primary key
);
insert into publication_lock (id) values (1);
