package org.dataembassy.portal.agreements.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.dataembassy.portal.agreements.VersionStateException;
import org.dataembassy.portal.shared.NodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one publication lease of table {@code publication_lock}: publications of every agreement, on every portal
 * node sharing the database, run one after the other, and none holds a database connection while OPA works
 * (check, test, sign, serve, wait for activation: tens of seconds under load).
 *
 * <p>Taking the lease and giving it back after a failure are each a short transaction of their own (a new one even
 * when the caller is inside a transaction, so other nodes see the lease at once). A successful publication gives it
 * back inside the transaction that records the publication ({@link Held#releaseOnCommit()}), which also proves the
 * lease was still held: the next publication then builds its bundle from what this one committed. The holder is
 * {@code <node id>/<random>}; a node gives back at start-up what it held when it was killed, and a lease of a node
 * that never comes back lapses at {@code held_until}. Times are the system clock's (record keeping, not a treaty
 * decision, so a moved portal clock does not break or extend a lease).
 */
@Component
public class PublicationLease implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PublicationLease.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final JdbcClient jdbc;
    private final TransactionTemplate own;
    private final String node;

    PublicationLease(JdbcClient jdbc, PlatformTransactionManager transactions, NodeIdentity node) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.own.setTimeout(30);
        this.node = node.id();
    }

    /** Gives back a lease this node held when it stopped without finishing its publication. */
    @Override
    public void afterSingletonsInstantiated() {
        Integer released = own.execute(s -> jdbc.sql("update publication_lock set holder = null, held_since = null, "
                + "held_until = null where id = 1 and holder like ?").param(node + "/%").update());
        if (released != null && released > 0) {
            log.warn("gave back the publication lease this node held when it stopped mid-publication");
        }
    }

    /**
     * Takes the lease for {@code length}, waiting up to {@code wait} while another publication holds it.
     *
     * @throws PublicationBusyException when it is still held after {@code wait}
     */
    public Held acquire(Duration length, Duration wait) {
        String holder = node + "/" + UUID.randomUUID();
        Instant giveUp = Instant.now().plus(wait);
        while (true) {
            Instant now = Instant.now();
            if (take(holder, now, length)) {
                return new Held(holder);
            }
            if (now.isAfter(giveUp)) {
                throw new PublicationBusyException(current().orElse("another publication"));
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublicationBusyException("interrupted while waiting for " + current().orElse("it"));
            }
        }
    }

    private boolean take(String holder, Instant now, Duration length) {
        try {
            Integer taken = own.execute(s -> jdbc.sql("update publication_lock set holder = ?, held_since = ?, "
                            + "held_until = ? where id = 1 and (holder is null or held_until < ?)")
                    .params(holder, Timestamp.from(now), Timestamp.from(now.plus(length)), Timestamp.from(now))
                    .update());
            return taken != null && taken == 1;
        } catch (PessimisticLockingFailureException busy) { // a recording transaction has the row: still held
            return false;
        }
    }

    private Optional<String> current() {
        return own.execute(s -> jdbc.sql("select held_since from publication_lock where id = 1 and holder is not null")
                .query(Timestamp.class).optional()
                .map(since -> "a publication running since " + since.toInstant()));
    }

    /** A lease this node holds. {@link #close()} gives it back unless the recording transaction did. */
    public final class Held implements AutoCloseable {

        private final String holder;
        private volatile boolean released;

        private Held(String holder) {
            this.holder = holder;
        }

        /**
         * Gives the lease back as part of the current transaction, the one that records the publication; throws
         * {@link LeaseLostException} (and the recording rolls back) when the lease lapsed meanwhile. Should that
         * transaction roll back, the lease is given back after it in a transaction of its own.
         */
        public void releaseOnCommit() {
            int updated = jdbc.sql("update publication_lock set holder = null, held_since = null, held_until = null "
                    + "where id = 1 and holder = ?").param(holder).update();
            if (updated != 1) {
                throw new LeaseLostException();
            }
            released = true;
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        if (status != STATUS_COMMITTED) {
                            released = false;
                            close();
                        }
                    }
                });
            }
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                own.executeWithoutResult(s -> jdbc.sql("update publication_lock set holder = null, held_since = null, "
                        + "held_until = null where id = 1 and holder = ?").param(holder).update());
            }
        }
    }

    /** Another publication holds the lease longer than this one would wait: try again when it is done. */
    public static final class PublicationBusyException extends VersionStateException {
        PublicationBusyException(String holder) {
            super("another publication is in progress (" + holder + "); publish again when it is done");
        }
    }

    /** The lease lapsed (and may have been taken over) before the publication recorded its result. */
    public static final class LeaseLostException extends VersionStateException {
        LeaseLostException() {
            super("the publication took longer than its lease and was not recorded; publish again");
        }
    }
}
