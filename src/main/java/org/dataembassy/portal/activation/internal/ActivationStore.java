package org.dataembassy.portal.activation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.activation.ActivatedDataset;
import org.dataembassy.portal.activation.ActivationStatus;
import org.dataembassy.portal.activation.ActivationVote;
import org.dataembassy.portal.activation.EmergencyActivation;
import org.dataembassy.portal.activation.EmergencyType;
import org.dataembassy.portal.activation.VoteKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code emergency_activation}, {@code activation_dataset} and {@code activation_vote}. */
@Repository
public class ActivationStore {

    private static final String COLUMNS = "id, agreement_key, site, emergency_type, justification, declarations, "
            + "rehearsal, triggered_by, trigger_role, triggered_at, status, quorum_m, quorum_n, notice_hours, "
            + "decision_reasons, key_source, notified_at, notice_confirmed_by, notice_overdue, stand_down_round, "
            + "stand_down_by, stand_down_reason, process_instance_id";

    private final JdbcClient jdbc;

    ActivationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new activation in status TRIGGERED. */
    public void insert(String id, String agreementKey, String site, EmergencyType type, String justification,
                       List<String> declarations, boolean rehearsal, String by, String role, int m, int n, int noticeHours) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into emergency_activation (id, agreement_key, site, emergency_type, justification, declarations, "
                        + "rehearsal, triggered_by, trigger_role, triggered_at, status, quorum_m, quorum_n, notice_hours, "
                        + "decision_reasons, notice_overdue, stand_down_round, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', false, 0, ?)")
                .params(id, agreementKey, site, type.name(), justification, String.join(",", declarations), rehearsal,
                        by, role, now, ActivationStatus.TRIGGERED.name(), m, n, noticeHours, now).update();
    }

    public void insertDataset(String id, String datasetId, String name) {
        jdbc.sql("insert into activation_dataset (activation_id, dataset_id, dataset_name) values (?, ?, ?)")
                .params(id, datasetId, name).update();
    }

    /** Records a vote; false when the member already voted in this kind and round (the unique key says so). */
    public boolean insertVote(String id, VoteKind kind, int round, String member, String role, boolean approve, boolean share) {
        try {
            jdbc.sql("insert into activation_vote (activation_id, kind, round_no, member, treaty_role, approve, with_share, cast_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, kind.name(), round, member, role, approve, share, Timestamp.from(Instant.now())).update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    public void attachProcess(String id, String processInstanceId) {
        jdbc.sql("update emergency_activation set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    /** Locks the activation's row until the transaction ends: votes on one activation are counted one at a time. */
    public Optional<ActivationStatus> lock(String id) {
        return jdbc.sql("select status from emergency_activation where id = ? for update").param(id)
                .query(String.class).optional().map(ActivationStatus::valueOf);
    }

    /** Moves the status only from {@code from}; false when it was not in {@code from} (someone else moved it). */
    public boolean moveStatus(String id, ActivationStatus from, ActivationStatus to) {
        return jdbc.sql("update emergency_activation set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), Timestamp.from(Instant.now()), id, from.name()).update() == 1;
    }

    /** Records when the activation was declared ACTIVE (once). */
    public void recordActivated(String id, Instant at) {
        jdbc.sql("update emergency_activation set activated_at = ? where id = ? and activated_at is null")
                .params(Timestamp.from(at), id).update();
    }

    /** An activation of an agreement that was declared ACTIVE (not a rehearsal), with its host notice if recorded. */
    public record Activated(String id, Instant activatedAt, Instant notifiedAt) {
    }

    /** The agreement's activations that were declared ACTIVE, rehearsals left out, oldest first. */
    public List<Activated> activated(String agreementKey) {
        return jdbc.sql("select id, activated_at, notified_at from emergency_activation where agreement_key = ?"
                        + " and activated_at is not null and rehearsal = false order by activated_at")
                .param(agreementKey).query((rs, row) -> new Activated(rs.getString("id"),
                        rs.getTimestamp("activated_at").toInstant(),
                        rs.getTimestamp("notified_at") == null ? null : rs.getTimestamp("notified_at").toInstant())).list();
    }

    public void recordStatus(String id, ActivationStatus status, List<String> reasons) {
        jdbc.sql("update emergency_activation set status = ?, decision_reasons = ?, updated_at = ? where id = ?")
                .params(status.name(), String.join("\n", reasons), Timestamp.from(Instant.now()), id).update();
    }

    public void recordKeySource(String id, String keySource) {
        jdbc.sql("update emergency_activation set key_source = ? where id = ?").params(keySource, id).update();
    }

    public void recordNotice(String id, Instant at) {
        jdbc.sql("update emergency_activation set notified_at = ? where id = ? and notified_at is null")
                .params(Timestamp.from(at), id).update();
    }

    public void recordNoticeConfirmed(String id, String by) {
        jdbc.sql("update emergency_activation set notice_confirmed_by = ? where id = ?").params(by, id).update();
    }

    public void recordNoticeOverdue(String id) {
        jdbc.sql("update emergency_activation set notice_overdue = true where id = ?").param(id).update();
    }

    public void recordStandDown(String id, int round, String by, String reason) {
        jdbc.sql("update emergency_activation set stand_down_round = ?, stand_down_by = ?, stand_down_reason = ?, "
                + "status = ?, updated_at = ? where id = ?").params(round, by, reason,
                ActivationStatus.STANDING_DOWN.name(), Timestamp.from(Instant.now()), id).update();
    }

    public void recordRestore(String id, String datasetId, String snapshotId, String servingPath) {
        jdbc.sql("update activation_dataset set snapshot_id = ?, serving_path = ?, restored_at = ? "
                        + "where activation_id = ? and dataset_id = ?")
                .params(snapshotId, servingPath, Timestamp.from(Instant.now()), id, datasetId).update();
    }

    public void clearServing(String id) {
        jdbc.sql("update activation_dataset set serving_path = null where activation_id = ?").param(id).update();
    }

    public Optional<EmergencyActivation> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from emergency_activation where id = ?").param(id)
                .query((rs, row) -> map(rs)).optional();
    }

    public List<EmergencyActivation> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from emergency_activation order by triggered_at desc "
                        + "fetch first ? rows only").param(limit)
                .query((rs, row) -> map(rs)).list();
    }

    /** Real (not rehearsal) activations the embassy serves now. */
    public List<EmergencyActivation> serving() {
        return jdbc.sql("select " + COLUMNS + " from emergency_activation where rehearsal = false and status in (?, ?) "
                        + "order by triggered_at").params(ActivationStatus.ACTIVE.name(), ActivationStatus.STANDING_DOWN.name())
                .query((rs, row) -> map(rs)).list();
    }

    private EmergencyActivation map(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String reasons = rs.getString("decision_reasons");
        String declarations = rs.getString("declarations");
        Timestamp notified = rs.getTimestamp("notified_at");
        return new EmergencyActivation(id, rs.getString("agreement_key"), rs.getString("site"),
                EmergencyType.valueOf(rs.getString("emergency_type")), rs.getString("justification"),
                declarations.isEmpty() ? List.of() : Arrays.asList(declarations.split(",")), rs.getBoolean("rehearsal"),
                rs.getString("triggered_by"), rs.getString("trigger_role"), rs.getTimestamp("triggered_at").toInstant(),
                ActivationStatus.valueOf(rs.getString("status")), rs.getInt("quorum_m"), rs.getInt("quorum_n"),
                rs.getInt("notice_hours"), reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
                rs.getString("key_source"), notified == null ? null : notified.toInstant(),
                rs.getString("notice_confirmed_by"), rs.getBoolean("notice_overdue"), rs.getInt("stand_down_round"),
                rs.getString("stand_down_by"), rs.getString("stand_down_reason"), rs.getString("process_instance_id"),
                datasets(id), votes(id));
    }

    private List<ActivatedDataset> datasets(String id) {
        return jdbc.sql("select dataset_id, dataset_name, snapshot_id, serving_path, restored_at from activation_dataset "
                + "where activation_id = ? order by dataset_name").param(id).query((rs, row) -> {
                    Timestamp at = rs.getTimestamp("restored_at");
                    return new ActivatedDataset(rs.getString("dataset_id"), rs.getString("dataset_name"),
                            rs.getString("snapshot_id"), rs.getString("serving_path"), at == null ? null : at.toInstant());
                }).list();
    }

    private List<ActivationVote> votes(String id) {
        return jdbc.sql("select kind, round_no, member, treaty_role, approve, with_share, cast_at from activation_vote "
                + "where activation_id = ? order by cast_at, member").param(id).query((rs, row) -> new ActivationVote(
                VoteKind.valueOf(rs.getString("kind")), rs.getInt("round_no"), rs.getString("member"),
                rs.getString("treaty_role"), rs.getBoolean("approve"), rs.getBoolean("with_share"),
                rs.getTimestamp("cast_at").toInstant())).list();
    }
}
