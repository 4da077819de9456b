package org.dataembassy.portal.jurisdiction.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.jurisdiction.EventKind;
import org.dataembassy.portal.jurisdiction.JurisdictionReview;
import org.dataembassy.portal.jurisdiction.ReviewOutcome;
import org.dataembassy.portal.jurisdiction.ReviewStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code jurisdiction_review}. Sites are stored comma-separated, findings and evidence one per line. */
@Repository
public class JurisdictionReviewStore {

    private static final String COLUMNS = "id, agreement_key, origin, event_kind, description, sites, originating_state, "
            + "host_state, reported_by, reported_at, status, findings, outcome, justification, assessed_by, assessed_at, "
            + "confirmed_by, confirmed_at, confirmation_note, evidence, notification, notified_at, process_instance_id";
    private static final String IN_FLIGHT = "('CHECKING', 'IN_ASSESSMENT', 'AWAITING_CONFIRMATION', 'APPLYING')";

    private final JdbcClient jdbc;

    JurisdictionReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, String agreementKey, String origin, EventKind kind, String description,
                       List<String> sites, String originatingState, String hostState, String by) {
        Timestamp now = now();
        jdbc.sql("insert into jurisdiction_review (id, agreement_key, origin, event_kind, description, sites, "
                        + "originating_state, host_state, reported_by, reported_at, status, findings, evidence, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?)")
                .params(id, agreementKey, origin, kind.name(), description, String.join(",", sites), originatingState,
                        hostState, by, now, ReviewStatus.CHECKING.name(), now)
                .update();
    }

    public void attachProcess(String id, String processInstanceId) {
        jdbc.sql("update jurisdiction_review set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void recordFindings(String id, List<String> findings) {
        jdbc.sql("update jurisdiction_review set findings = ?, status = ?, updated_at = ? where id = ?")
                .params(String.join("\n", findings), ReviewStatus.IN_ASSESSMENT.name(), now(), id).update();
    }

    /** The assessment; a confirmation answered for an earlier assessment (a refused evacuation) is cleared. */
    public void recordAssessment(String id, ReviewOutcome outcome, String justification, String by, ReviewStatus next) {
        jdbc.sql("update jurisdiction_review set outcome = ?, justification = ?, assessed_by = ?, assessed_at = ?, "
                        + "confirmed_by = null, confirmed_at = null, confirmation_note = null, status = ?, updated_at = ? "
                        + "where id = ?")
                .params(outcome.name(), justification, by, now(), next.name(), now(), id).update();
    }

    public void recordConfirmation(String id, String by, String note, ReviewStatus next) {
        jdbc.sql("update jurisdiction_review set confirmed_by = ?, confirmed_at = ?, confirmation_note = ?, status = ?, "
                        + "updated_at = ? where id = ?")
                .params(by, now(), note, next.name(), now(), id).update();
    }

    /** Adds evidence lines (already present lines are not repeated, so a retried step records once). */
    public void addEvidence(String id, List<String> lines) {
        JurisdictionReview review = find(id).orElseThrow();
        List<String> all = new ArrayList<>(review.evidence());
        lines.stream().filter(l -> !all.contains(l)).forEach(all::add);
        String text = String.join("\n", all);
        jdbc.sql("update jurisdiction_review set evidence = ?, updated_at = ? where id = ?")
                .params(text.length() > 8000 ? text.substring(0, 8000) : text, now(), id).update();
    }

    public void recordStatus(String id, ReviewStatus status) {
        jdbc.sql("update jurisdiction_review set status = ?, updated_at = ? where id = ?")
                .params(status.name(), now(), id).update();
    }

    public void close(String id, String notification) {
        jdbc.sql("update jurisdiction_review set status = ?, notification = ?, notified_at = ?, updated_at = ? where id = ?")
                .params(ReviewStatus.CLOSED.name(), notification, now(), now(), id).update();
    }

    public Optional<JurisdictionReview> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from jurisdiction_review where id = ?").param(id)
                .query(JurisdictionReviewStore::map).optional();
    }

    public List<JurisdictionReview> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from jurisdiction_review order by reported_at desc fetch first ? rows only")
                .param(limit).query(JurisdictionReviewStore::map).list();
    }

    public List<JurisdictionReview> forAgreement(String agreementKey) {
        return jdbc.sql("select " + COLUMNS + " from jurisdiction_review where agreement_key = ? order by reported_at desc")
                .param(agreementKey).query(JurisdictionReviewStore::map).list();
    }

    /** True while a review of the agreement is not closed. */
    public boolean inFlight(String agreementKey) {
        return jdbc.sql("select count(*) from jurisdiction_review where agreement_key = ? and status in " + IN_FLIGHT)
                .param(agreementKey).query(Integer.class).single() > 0;
    }

    /** When the agreement's latest review was started, if it ever was. */
    public Optional<Instant> lastReported(String agreementKey) {
        return jdbc.sql("select max(reported_at) from jurisdiction_review where agreement_key = ?").param(agreementKey)
                .query((rs, row) -> rs.getTimestamp(1)).optional().map(Timestamp::toInstant);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> lines(String text, String separator) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(separator));
    }

    private static JurisdictionReview map(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        return new JurisdictionReview(rs.getString("id"), rs.getString("agreement_key"), rs.getString("origin"),
                EventKind.valueOf(rs.getString("event_kind")), rs.getString("description"),
                lines(rs.getString("sites"), ","), rs.getString("originating_state"), rs.getString("host_state"),
                rs.getString("reported_by"), instant(rs, "reported_at"), ReviewStatus.valueOf(rs.getString("status")),
                lines(rs.getString("findings"), "\n"), outcome == null ? null : ReviewOutcome.valueOf(outcome),
                rs.getString("justification"), rs.getString("assessed_by"), instant(rs, "assessed_at"),
                rs.getString("confirmed_by"), instant(rs, "confirmed_at"), rs.getString("confirmation_note"),
                lines(rs.getString("evidence"), "\n"), rs.getString("notification"), instant(rs, "notified_at"),
                rs.getString("process_instance_id"));
    }
}
