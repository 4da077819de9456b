package org.dataembassy.portal.transfers.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.transfers.TransferRequest;
import org.dataembassy.portal.transfers.TransferStatus;
import org.dataembassy.portal.workflow.RecordedApproval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code transfer_request}. Reasons are stored one per line. */
@Repository
public class TransferRequestStore {

    private static final String COLUMNS = "id, dataset_id, dataset_name, site, purpose, requested_by, requested_at, "
            + "status, decision_reasons, reviewed_by, review_comment, snapshot_id, bytes_sent, process_instance_id";

    private final JdbcClient jdbc;

    TransferRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String datasetId, String datasetName, String site, String purpose, String by) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into transfer_request (id, dataset_id, dataset_name, site, purpose, requested_by, requested_at, "
                        + "status, decision_reasons, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, '', ?)")
                .params(id, datasetId, datasetName, site, purpose, by, now, TransferStatus.REQUESTED.name(), now).update();
    }

    public void attachProcess(String id, String processInstanceId) {
        jdbc.sql("update transfer_request set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void recordDecision(String id, TransferStatus status, String outcome, List<String> reasons) {
        jdbc.sql("update transfer_request set status = ?, decision_outcome = ?, decision_reasons = ?, updated_at = ? "
                        + "where id = ?")
                .params(status.name(), outcome, String.join("\n", reasons), Timestamp.from(Instant.now()), id).update();
    }

    public void recordReview(String id, String reviewer, boolean approved, String comment) {
        jdbc.sql("update transfer_request set reviewed_by = ?, review_approved = ?, review_comment = ?, updated_at = ? "
                        + "where id = ?")
                .params(reviewer, approved, comment, Timestamp.from(Instant.now()), id).update();
    }

    /** The recorded treaty outcome and legal review, for the step that replicates ({@code RecordedApproval}). */
    public Optional<RecordedApproval> approval(String id) {
        return jdbc.sql("select requested_by, decision_outcome, reviewed_by, review_approved from transfer_request "
                        + "where id = ?").param(id)
                .query((rs, row) -> new RecordedApproval(rs.getString("requested_by"), rs.getString("decision_outcome"),
                        rs.getString("reviewed_by"), (Boolean) rs.getObject("review_approved")))
                .optional();
    }

    public void recordStatus(String id, TransferStatus status) {
        jdbc.sql("update transfer_request set status = ?, updated_at = ? where id = ?")
                .params(status.name(), Timestamp.from(Instant.now()), id).update();
    }

    public void recordReplica(String id, String snapshotId, long bytes) {
        jdbc.sql("update transfer_request set snapshot_id = ?, bytes_sent = ?, updated_at = ? where id = ?")
                .params(snapshotId, bytes, Timestamp.from(Instant.now()), id).update();
    }

    public Optional<TransferRequest> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from transfer_request where id = ?").param(id)
                .query(TransferRequestStore::map).optional();
    }

    public List<TransferRequest> byRequester(String username) {
        return jdbc.sql("select " + COLUMNS + " from transfer_request where requested_by = ? order by requested_at desc")
                .param(username).query(TransferRequestStore::map).list();
    }

    /** True when a transfer of this dataset to this site is still being decided or carried out. */
    public boolean inFlight(String datasetId, String site) {
        return jdbc.sql("select count(*) from transfer_request where dataset_id = ? and site = ? "
                        + "and status in ('REQUESTED', 'IN_REVIEW', 'REPLICATING')")
                .params(datasetId, site).query(Integer.class).single() > 0;
    }

    public List<TransferRequest> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from transfer_request order by requested_at desc fetch first ? rows only")
                .param(limit).query(TransferRequestStore::map).list();
    }

    private static TransferRequest map(ResultSet rs, int row) throws SQLException {
        String reasons = rs.getString("decision_reasons");
        long bytes = rs.getLong("bytes_sent");
        Long sent = rs.wasNull() ? null : bytes;
        return new TransferRequest(rs.getString("id"), rs.getString("dataset_id"), rs.getString("dataset_name"),
                rs.getString("site"), rs.getString("purpose"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), TransferStatus.valueOf(rs.getString("status")),
                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
                rs.getString("reviewed_by"), rs.getString("review_comment"), rs.getString("snapshot_id"), sent,
                rs.getString("process_instance_id"));
    }
}
