package org.dataembassy.portal.agreements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dataembassy.portal.agreements.internal.PublicationLease;
import org.dataembassy.portal.shared.NodeIdentity;
import org.dataembassy.portal.support.As;
import org.dataembassy.portal.support.PortalIntegrationTest;
import org.dataembassy.portal.support.TestAgreements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publications are serialised in the database, not in one JVM, by a lease (table {@code publication_lock}): while
 * another portal node holds it, a publication waits, changes nothing and holds no database connection (the class
 * fails on any Hikari leak report, and the wait here outlasts the tests' 10 s threshold); once it is given back the
 * publication goes through. A lease whose holder died lapses, and a node gives back at start-up what it held.
 */
@PortalIntegrationTest
class PublicationLeaseIT {

    @Autowired
    AgreementRegistry registry;
    @Autowired
    PublicationLease lease;
    @Autowired
    NodeIdentity node;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void free() {
        jdbc.sql("update publication_lock set holder = null, held_since = null, held_until = null where id = 1").update();
    }

    @Test
    void aPublicationWaitsWithoutAConnectionWhileAnotherNodeHoldsTheLeaseAndGoesThroughAfter() throws Exception {
        String key = approvedAgreement();
        hold("other-node/1", Instant.now().plus(Duration.ofMinutes(5)));
        CompletableFuture<AgreementRegistry.Publication> publication = CompletableFuture.supplyAsync(() -> As.user(
                TestAgreements.AUTHOR, "LEGAL_OFFICER", () -> registry.publish(key, 1)));
        Thread.sleep(11_000); // past the leak-detection threshold: a connection held while waiting would be reported
        assertThat(publication).as("the publication waits for the other node's lease").isNotDone();
        assertThat(status(key)).isEqualTo(VersionStatus.APPROVED);
        assertThat(holder()).isEqualTo("other-node/1");

        free();
        AgreementRegistry.Publication done = publication.get(90, TimeUnit.SECONDS);
        assertThat(done.version()).isEqualTo(1);
        assertThat(status(key)).isEqualTo(VersionStatus.PUBLISHED);
        assertThat(holder()).as("given back by the publication's recording").isNull();
    }

    @Test
    void aLapsedLeaseIsTakenOverAndALeaseStillHeldRefusesAfterTheWait() throws Exception {
        String key = approvedAgreement();
        hold("dead-node/1", Instant.now().minusSeconds(1));
        AgreementRegistry.Publication done = As.user(TestAgreements.AUTHOR, "LEGAL_OFFICER", () -> registry.publish(key, 1));
        assertThat(done.version()).isEqualTo(1);
        assertThat(holder()).isNull();

        hold("other-node/2", Instant.now().plus(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> lease.acquire(Duration.ofMinutes(1), Duration.ofMillis(600)))
                .isInstanceOf(PublicationLease.PublicationBusyException.class)
                .isInstanceOf(VersionStateException.class)
                .hasMessageContaining("another publication is in progress");
        assertThat(holder()).isEqualTo("other-node/2");
    }

    @Test
    void atStartUpANodeGivesBackTheLeaseItHeldWhenItDiedAndLeavesOtherNodesLeases() {
        hold(node.id() + "/killed", Instant.now().plus(Duration.ofMinutes(5)));
        lease.afterSingletonsInstantiated();
        assertThat(holder()).isNull();

        hold("other-node/3", Instant.now().plus(Duration.ofMinutes(5)));
        lease.afterSingletonsInstantiated();
        assertThat(holder()).isEqualTo("other-node/3");
    }

    private String approvedAgreement() {
        String suffix = TestAgreements.suffix();
        AgreementVersion v1 = As.user(TestAgreements.AUTHOR, "LEGAL_OFFICER", () -> registry.create(
                NewAgreement.fromTemplate("ee_lu", "EE", "LV", "Lease test " + suffix, "test", suffix)));
        String key = v1.agreementKey();
        As.run(TestAgreements.AUTHOR, "LEGAL_OFFICER", () -> {
            registry.save(key, 1, new DraftContent(TestAgreements.inForce(v1.termsJson(), "\"PUBLIC\""),
                    v1.regoSource(), v1.testsSource(), "in force"));
            registry.submit(key, 1);
        });
        As.run(TestAgreements.REVIEWER, "LEGAL_OFFICER", () -> registry.approve(key, 1, "matches the treaty"));
        return key;
    }

    private void hold(String holder, Instant until) {
        jdbc.sql("update publication_lock set holder = ?, held_since = ?, held_until = ? where id = 1")
                .params(holder, Timestamp.from(Instant.now()), Timestamp.from(until)).update();
    }

    private String holder() {
        return jdbc.sql("select holder from publication_lock where id = 1").query(String.class).optional().orElse(null);
    }

    private VersionStatus status(String key) {
        return As.user(TestAgreements.AUTHOR, "LEGAL_OFFICER", () -> registry.version(key, 1)).status();
    }
}
