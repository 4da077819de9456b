package org.dataembassy.portal.activation.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code key_ceremony} and {@code key_ceremony_share}: who holds which share index, and a check value. */
@Repository
public class CeremonyStore {

    /** The latest ceremony: the split whose shares approvals must carry. */
    public record Ceremony(String id, String performedBy, Instant performedAt, int m, int n, String setId,
                           String kekFingerprint) {
    }

    /** The share a member was handed: its index and the SHA-256 (hex) of its text. */
    public record HeldShare(int index, String check) {
    }

    private final JdbcClient jdbc;

    CeremonyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Ceremony c, Map<String, HeldShare> holders) {
        jdbc.sql("insert into key_ceremony (id, performed_by, performed_at, threshold_m, shares_n, set_id, kek_fingerprint) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.performedBy(), Timestamp.from(c.performedAt()), c.m(), c.n(), c.setId(), c.kekFingerprint())
                .update();
        holders.forEach((member, share) -> jdbc.sql(
                        "insert into key_ceremony_share (ceremony_id, member, share_index, share_check) values (?, ?, ?, ?)")
                .params(c.id(), member, share.index(), share.check()).update());
    }

    public Optional<Ceremony> latest() {
        return jdbc.sql("select id, performed_by, performed_at, threshold_m, shares_n, set_id, kek_fingerprint "
                        + "from key_ceremony order by performed_at desc, id fetch first 1 rows only").query((rs, row) -> new Ceremony(rs.getString("id"),
                        rs.getString("performed_by"), rs.getTimestamp("performed_at").toInstant(), rs.getInt("threshold_m"),
                        rs.getInt("shares_n"), rs.getString("set_id"), rs.getString("kek_fingerprint")))
                .optional();
    }

    public Optional<HeldShare> heldBy(String ceremonyId, String member) {
        return jdbc.sql("select share_index, share_check from key_ceremony_share where ceremony_id = ? and member = ?")
                .params(ceremonyId, member)
                .query((rs, row) -> new HeldShare(rs.getInt("share_index"), rs.getString("share_check"))).optional();
    }
}
