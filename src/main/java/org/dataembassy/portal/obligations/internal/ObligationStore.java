package org.dataembassy.portal.obligations.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dataembassy.portal.obligations.ObligationCount;
import org.dataembassy.portal.obligations.ObligationStatus;
import org.dataembassy.portal.obligations.TrackedObligation;
import org.dataembassy.portal.policy.Obligation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The table of tracked duties ({@code obligation}); every status change is a conditional update. */
@Repository
public class ObligationStore {

    private static final String COLUMNS = "id, agreement_key, code, clause, article, action, owed_by, owed_to, due_at, status,"
            + " fulfilled_on, fulfilled_by, evidence, breached_at, fulfilled_through, remind_at, reminded_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    public ObligationStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * The row of this duty and due instant, inserted OPEN when new, with the instant its reminder is due. Another node
     * inserting the same duty first is fine: the insert runs under a savepoint (PostgreSQL would otherwise abort the
     * whole transaction on the unique constraint), rolled back to, and the other node's row is read.
     */
    public TrackedObligation track(String key, Obligation o, Instant remindAt, Instant now) {
        Optional<TrackedObligation> found = find(key, o);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            savepoint.executeWithoutResult(status -> jdbc.sql("insert into obligation (id, agreement_key, code, clause,"
                            + " article, action, owed_by, owed_to, due_at, status, first_seen_at, fulfilled_through, remind_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), key, o.code(), o.clause(), o.article(), clip(o.action(), 500),
                            o.owedBy(), o.owedTo(), Timestamp.from(o.due()), ObligationStatus.OPEN.name(), Timestamp.from(now),
                            o.fulfilledThrough(), Timestamp.from(remindAt))
                    .update());
        } catch (DuplicateKeyException raced) {
            // tracked meanwhile by another node; its row is read below
        }
        return find(key, o).orElseThrow();
    }

    /** OPEN duties of the agreement whose reminder is due at {@code now} and was not sent. */
    public List<TrackedObligation> dueForReminder(String key, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from obligation where agreement_key = ? and status = ? and reminded_at is null"
                        + " and remind_at <= ? order by due_at")
                .params(key, ObligationStatus.OPEN.name(), Timestamp.from(now)).query((rs, row) -> map(rs)).list();
    }

    /** Marks the reminder sent; false when another node sent it first. */
    public boolean markReminded(String id, Instant at) {
        return jdbc.sql("update obligation set reminded_at = ? where id = ? and reminded_at is null")
                .params(Timestamp.from(at), id).update() == 1;
    }

    /** The duties of the agreement a portal activity meets that are not done yet (open or breached). */
    public List<TrackedObligation> pendingThrough(String key, String activity) {
        return jdbc.sql("select " + COLUMNS + " from obligation where agreement_key = ? and fulfilled_through = ?"
                        + " and status <> ? order by due_at")
                .params(key, activity, ObligationStatus.FULFILLED.name()).query((rs, row) -> map(rs)).list();
    }

    /** Duties a portal activity meets that are due soon (reminded) or breached, of every agreement: what to start. */
    public List<TrackedObligation> awaitingActivity(String activity) {
        return jdbc.sql("select " + COLUMNS + " from obligation where fulfilled_through = ? and status <> ?"
                        + " and (reminded_at is not null or breached_at is not null) order by due_at")
                .params(activity, ObligationStatus.FULFILLED.name()).query((rs, row) -> map(rs)).list();
    }

    private Optional<TrackedObligation> find(String key, Obligation o) {
        return jdbc.sql("select " + COLUMNS + " from obligation where agreement_key = ? and code = ? and clause = ? and due_at = ?")
                .params(key, o.code(), o.clause(), Timestamp.from(o.due())).query((rs, row) -> map(rs)).optional();
    }

    public Optional<TrackedObligation> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from obligation where id = ?").param(id).query((rs, row) -> map(rs)).optional();
    }

    /** OPEN → BREACHED; false when it was not open (fulfilled meanwhile, or breached by another node). */
    public boolean markBreached(String id, Instant at) {
        return jdbc.sql("update obligation set status = ?, breached_at = ? where id = ? and status = ?")
                .params(ObligationStatus.BREACHED.name(), Timestamp.from(at), id, ObligationStatus.OPEN.name()).update() == 1;
    }

    /** OPEN or BREACHED → FULFILLED; false when it was fulfilled already. */
    public boolean markFulfilled(String id, LocalDate on, String by, String evidence) {
        return jdbc.sql("update obligation set status = ?, fulfilled_on = ?, fulfilled_by = ?, evidence = ? where id = ? and status <> ?")
                .params(ObligationStatus.FULFILLED.name(), Date.valueOf(on), by, evidence, id, ObligationStatus.FULFILLED.name())
                .update() == 1;
    }

    /** The days each duty of the agreement was fulfilled: what the duties entry point counts periods from. */
    public List<Fulfilment> fulfilments(String key) {
        return jdbc.sql("select code, fulfilled_on from obligation where agreement_key = ? and status = ? and fulfilled_on is not null")
                .params(key, ObligationStatus.FULFILLED.name())
                .query((rs, row) -> new Fulfilment(rs.getString("code"), rs.getDate("fulfilled_on").toLocalDate())).list();
    }

    public record Fulfilment(String code, LocalDate on) {
    }

    /** Per agreement with tracked duties: open, open and due before {@code soon}, open and past due, breached. */
    public List<ObligationCount> counts(Instant now, Instant soon) {
        return jdbc.sql("select agreement_key,"
                        + " sum(case when status = 'OPEN' then 1 else 0 end) as open_count,"
                        + " sum(case when status = 'OPEN' and due_at >= ? and due_at < ? then 1 else 0 end) as soon_count,"
                        + " sum(case when status = 'OPEN' and due_at < ? then 1 else 0 end) as overdue_count,"
                        + " sum(case when status = 'BREACHED' then 1 else 0 end) as breached_count"
                        + " from obligation group by agreement_key order by agreement_key")
                .params(Timestamp.from(now), Timestamp.from(soon), Timestamp.from(now))
                .query((rs, row) -> new ObligationCount(rs.getString("agreement_key"), rs.getLong("open_count"),
                        rs.getLong("soon_count"), rs.getLong("overdue_count"), rs.getLong("breached_count")))
                .list();
    }

    /** The agreements with tracked duties, by key. */
    public List<String> agreementKeys() {
        return jdbc.sql("select distinct agreement_key from obligation order by agreement_key").query(String.class).list();
    }

    /** The latest duties, breached first, then by due instant; at most {@code limit}. */
    public List<TrackedObligation> list(String key, int limit) {
        String where = key == null ? "" : " where agreement_key = ?";
        var spec = jdbc.sql("select " + COLUMNS + " from obligation" + where
                + " order by case status when 'BREACHED' then 0 when 'OPEN' then 1 else 2 end, due_at fetch first " + limit + " rows only");
        return (key == null ? spec : spec.param(key)).query((rs, row) -> map(rs)).list();
    }

    private static TrackedObligation map(ResultSet rs) throws SQLException {
        Date fulfilled = rs.getDate("fulfilled_on");
        Timestamp breached = rs.getTimestamp("breached_at");
        return new TrackedObligation(rs.getString("id"), rs.getString("agreement_key"), rs.getString("code"),
                rs.getString("clause"), rs.getString("article"), rs.getString("action"), rs.getString("owed_by"),
                rs.getString("owed_to"), rs.getTimestamp("due_at").toInstant(), ObligationStatus.valueOf(rs.getString("status")),
                fulfilled == null ? null : fulfilled.toLocalDate(), rs.getString("fulfilled_by"), rs.getString("evidence"),
                breached == null ? null : breached.toInstant(), rs.getString("fulfilled_through"),
                instant(rs.getTimestamp("remind_at")), instant(rs.getTimestamp("reminded_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
