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
import org.dataembassy.portal.obligations.ObligationStatus;
import org.dataembassy.portal.obligations.TrackedObligation;
import org.dataembassy.portal.policy.Obligation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of tracked duties ({@code obligation}); every status change is a conditional update. */
@Repository
public class ObligationStore {

    private static final String COLUMNS = "id, agreement_key, code, clause, article, action, owed_by, owed_to, due_at, status,"
            + " fulfilled_on, fulfilled_by, evidence, breached_at";

    private final JdbcClient jdbc;

    public ObligationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row of this duty and due instant, inserted OPEN when new (another node inserting it first is fine). */
    public TrackedObligation track(String key, Obligation o, Instant now) {
        Optional<TrackedObligation> found = find(key, o);
        if (found.isPresent()) {
            return found.get();
        }
        try {
            jdbc.sql("insert into obligation (id, agreement_key, code, clause, article, action, owed_by, owed_to, due_at,"
                            + " status, first_seen_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID().toString(), key, o.code(), o.clause(), o.article(), clip(o.action(), 500),
                            o.owedBy(), o.owedTo(), Timestamp.from(o.due()), ObligationStatus.OPEN.name(), Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException raced) {
            // tracked meanwhile by another node: read theirs
        }
        return find(key, o).orElseThrow();
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
                breached == null ? null : breached.toInstant());
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
