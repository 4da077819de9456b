package org.dataembassy.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataembassy.portal.shared.AuditFact;
import org.dataembassy.portal.shared.Auditable;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Tampering with the trail directly in the database is detected. Each test restores what it broke, so the
 * shared context's chain stays intact for the other tests.
 */
@PortalIntegrationTest
class AuditTamperIT {

    record TestEvent(String subject) implements Auditable {
        @Override
        public AuditFact auditFact() {
            return new AuditFact("tester", "TEST", subject, "SUCCESS", "original details");
        }
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;

    long seq;

    @BeforeEach
    void appendThree() {
        events.publishEvent(new TestEvent("tamper:1"));
        events.publishEvent(new TestEvent("tamper:2"));
        events.publishEvent(new TestEvent("tamper:3"));
        seq = jdbc.sql("select max(seq) from audit_entry where subject = 'tamper:2'").query(Long.class).single();
    }

    @AfterEach
    void chainIsIntactAgain() {
        assertThat(verify().problems()).isEmpty();
    }

    private AuditVerification verify() {
        return As.user("aude", "AUDITOR", () -> trail.verify());
    }

    @Test
    void anIntactChainVerifies() {
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void detectsAnEditedEntry() {
        jdbc.sql("update audit_entry set details = 'forged' where seq = ?").param(seq).update();
        assertThat(verify().problems()).containsExactly("entry " + seq + " was altered after it was written");
        jdbc.sql("update audit_entry set details = 'original details' where seq = ?").param(seq).update();
    }

    @Test
    void detectsADeletedEntry() {
        var row = jdbc.sql("select * from audit_entry where seq = ?").param(seq).query().singleRow();
        jdbc.sql("delete from audit_entry where seq = ?").param(seq).update();
        assertThat(verify().problems()).anySatisfy(p -> assertThat(p).contains("entry " + seq).contains("missing"));
        jdbc.sql("insert into audit_entry (seq, occurred_at, actor, action, subject, outcome, details, prev_hash, hash) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.get("SEQ"), row.get("OCCURRED_AT"), row.get("ACTOR"), row.get("ACTION"), row.get("SUBJECT"),
                        row.get("OUTCOME"), row.get("DETAILS"), row.get("PREV_HASH"), row.get("HASH"))
                .update();
    }

    @Test
    void detectsAnEntryRemovedFromTheEnd() {
        long last = jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
        var row = jdbc.sql("select * from audit_entry where seq = ?").param(last).query().singleRow();
        jdbc.sql("delete from audit_entry where seq = ?").param(last).update();
        assertThat(verify().problems()).anySatisfy(p -> assertThat(p).contains("recorded head is entry " + last));
        jdbc.sql("insert into audit_entry (seq, occurred_at, actor, action, subject, outcome, details, prev_hash, hash) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row.get("SEQ"), row.get("OCCURRED_AT"), row.get("ACTOR"), row.get("ACTION"), row.get("SUBJECT"),
                        row.get("OUTCOME"), row.get("DETAILS"), row.get("PREV_HASH"), row.get("HASH"))
                .update();
    }
}
