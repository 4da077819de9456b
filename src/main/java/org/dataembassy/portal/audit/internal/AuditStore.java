package org.dataembassy.portal.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.dataembassy.portal.audit.AuditEntry;
import org.dataembassy.portal.audit.AuditSearch;
import org.dataembassy.portal.shared.AuditFact;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Storage of the chain. {@link #append} must run inside a transaction. */
@Repository
public class AuditStore {

    public record Head(long lastSeq, String lastHash) {
    }

    private static final String COLUMNS = "seq, occurred_at, actor, action, subject, outcome, details, prev_hash, hash";
    private static final int MAX_DETAILS = 8000;

    private final JdbcClient jdbc;

    AuditStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends one entry. Locks the head row, which serialises appenders across nodes until commit. */
    AuditEntry append(AuditFact fact) {
        jdbc.sql("update audit_head set last_seq = last_seq where id = 1").update(); // take the row lock first
        Head head = head();
        long seq = head.lastSeq() + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String details = clip(fact.details(), MAX_DETAILS);
        AuditEntry entry = AuditChain.entry(seq, at, clip(fact.actor(), 200), clip(fact.action(), 100),
                clip(fact.subject(), 400), clip(fact.outcome(), 50), details, head.lastHash());
        jdbc.sql("insert into audit_entry (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(entry.seq(), OffsetDateTime.ofInstant(entry.occurredAt(), ZoneOffset.UTC), entry.actor(), entry.action(), entry.subject(),
                        entry.outcome(), entry.details(), entry.prevHash(), entry.hash())
                .update();
        jdbc.sql("update audit_head set last_seq = ?, last_hash = ? where id = 1").params(seq, entry.hash()).update();
        return entry;
    }

    public Head head() {
        return jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
    }

    public List<AuditEntry> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from audit_entry order by seq desc limit ?").param(limit)
                .query(AuditStore::map).list();
    }

    public List<AuditEntry> forSubject(String subject) {
        return jdbc.sql("select " + COLUMNS + " from audit_entry where subject = ? order by seq").param(subject)
                .query(AuditStore::map).list();
    }

    public long forEachInOrder(long maxSeq, Consumer<AuditEntry> visitor) {
        long[] count = {0};
        jdbc.sql("select " + COLUMNS + " from audit_entry where seq <= ? order by seq").param(maxSeq).query(rs -> {
            visitor.accept(map(rs, 0));
            count[0]++;
        });
        return count[0];
    }

    /** Entries matching the search, newest first, at most {@code limit + 1} (the extra one says there is more). */
    public List<AuditEntry> search(AuditSearch q) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (q.from() != null) {
            where.append(" and occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            where.append(" and occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        for (String[] exact : new String[][] {{"actor", q.actor()}, {"action", q.action()}, {"subject", q.subject()}}) {
            if (exact[1] != null) {
                where.append(" and ").append(exact[0]).append(" = ?");
                params.add(exact[1]);
            }
        }
        if (q.before() != null) {
            where.append(" and seq < ?");
            params.add(q.before());
        }
        params.add(q.limit() + 1);
        return jdbc.sql("select " + COLUMNS + " from audit_entry" + where + " order by seq desc limit ?").params(params)
                .query(AuditStore::map).list();
    }

    /** Visits the entries of a period (from included, to excluded) oldest first, without holding them all. */
    public long forEachInPeriod(Instant from, Instant to, Consumer<AuditEntry> visitor) {
        long[] count = {0};
        jdbc.sql("select " + COLUMNS + " from audit_entry where occurred_at >= ? and occurred_at < ? order by seq")
                .params(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query(rs -> {
                    visitor.accept(map(rs, 0));
                    count[0]++;
                });
        return count[0];
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    private static String clip(String s, int max) {
        String v = s == null ? "" : s;
        return v.length() > max ? v.substring(0, max) : v;
    }
}
