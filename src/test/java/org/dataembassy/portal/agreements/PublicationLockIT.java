package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Publications are serialised in the database, not in one JVM: while another connection — another portal node
 * sharing the database — holds the publication lock, a publication waits and changes nothing; once it is released
 * the publication goes through. A lock taken inside the transaction and held until its commit also means the next
 * publication builds its bundle from what the previous one committed.
 */
@PortalIntegrationTest
class PublicationLockIT {

    @Autowired
    AgreementRegistry registry;
    @Autowired
    DataSource dataSource;

    @Test
    void aPublicationWaitsWhileAnotherNodeHoldsThePublicationLockAndGoesThroughAfter() throws Exception {
        String suffix = TestAgreements.suffix();
        AgreementVersion v1 = As.user(TestAgreements.AUTHOR, "LEGAL_OFFICER", () -> registry.create(
                new NewAgreement("EE", "LV", "Lock test " + suffix, "test", suffix)));
        String key = v1.agreementKey();
        As.run(TestAgreements.AUTHOR, "LEGAL_OFFICER", () -> {
            registry.save(key, 1, new DraftContent(TestAgreements.inForce(v1.termsJson(), "\"PUBLIC\""),
                    v1.regoSource(), v1.testsSource(), "in force"));
            registry.submit(key, 1);
        });
        As.run(TestAgreements.REVIEWER, "LEGAL_OFFICER", () -> registry.approve(key, 1, "matches the treaty"));

        CompletableFuture<AgreementRegistry.Publication> publication;
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (PreparedStatement lock = otherNode.prepareStatement(
                    "select id from publication_lock where id = 1 for update");
                 ResultSet held = lock.executeQuery()) {
                assertThat(held.next()).isTrue();
            }
            int holder;
            try (PreparedStatement id = otherNode.prepareStatement("select session_id()");
                 ResultSet rs = id.executeQuery()) {
                rs.next();
                holder = rs.getInt(1);
            }
            publication = CompletableFuture.supplyAsync(() -> As.user(TestAgreements.AUTHOR, "LEGAL_OFFICER",
                    () -> registry.publish(key, 1)));
            // the publication's session shows up in H2's session table as blocked by this one (bounded wait)
            boolean blocked = false;
            for (int i = 0; i < 300 && !blocked && !publication.isDone(); i++) {
                blocked = blockedBy(holder);
                if (!blocked) {
                    Thread.sleep(100);
                }
            }
            assertThat(blocked).as("the publication waits for the lock another node holds").isTrue();
            assertThat(publication).isNotDone();
            assertThat(As.user(TestAgreements.AUTHOR, "LEGAL_OFFICER", () -> registry.version(key, 1)).status())
                    .isEqualTo(VersionStatus.APPROVED);
            otherNode.rollback();
        }
        AgreementRegistry.Publication done = publication.get(60, TimeUnit.SECONDS);
        assertThat(done.version()).isEqualTo(1);
        assertThat(As.user(TestAgreements.AUTHOR, "LEGAL_OFFICER", () -> registry.version(key, 1)).status())
                .isEqualTo(VersionStatus.PUBLISHED);
    }

    private boolean blockedBy(int holder) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select count(*) from information_schema.sessions where blocker_id = ?")) {
            q.setInt(1, holder);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }
}
