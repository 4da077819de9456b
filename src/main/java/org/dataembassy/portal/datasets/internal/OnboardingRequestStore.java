package org.dataembassy.portal.datasets.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.datasets.OnboardingApplication;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.datasets.Register;
import org.dataembassy.portal.shared.Classification;
import org.dataembassy.portal.workflow.RecordedApproval;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code onboarding_request}. Reasons are stored one per line. */
@Repository
public class OnboardingRequestStore {

    private static final String COLUMNS = "id, name, owning_agency, legal_basis, classification, personal_data, "
            + "register_name, agreement_id, size_estimate_gib, requested_by, requested_at, status, decision_reasons, "
            + "reviewed_by, review_comment, process_instance_id, source_location, target_sites, keys_approved_by, "
            + "wanted_sites, rpo_hours, keys_refused_by, keys_comment";

    private final JdbcClient jdbc;

    OnboardingRequestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String id, OnboardingApplication a, String requestedBy) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("insert into onboarding_request (id, name, owning_agency, legal_basis, classification, personal_data, "
                        + "register_name, agreement_id, size_estimate_gib, requested_by, requested_at, status, "
                        + "decision_reasons, updated_at, wanted_sites, rpo_hours) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, a.name().trim(), a.owningAgency().trim(), a.legalBasis().trim(), a.classification().name(),
                        a.personalData(), a.register().name(), a.agreementId(), a.sizeEstimateGib(), requestedBy, now,
                        OnboardingStatus.SUBMITTED.name(), "", now, String.join(",", a.embassySites()),
                        a.recoveryPointHours() == null ? OnboardingApplication.DEFAULT_RECOVERY_POINT_HOURS
                                : a.recoveryPointHours())
                .update();
    }

    public void attachProcess(String id, String processInstanceId) {
        jdbc.sql("update onboarding_request set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void recordDecision(String id, OnboardingStatus status, String outcome, List<String> reasons) {
        jdbc.sql("update onboarding_request set status = ?, decision_outcome = ?, decision_reasons = ?, updated_at = ? "
                        + "where id = ?")
                .params(status.name(), outcome, String.join("\n", reasons), Timestamp.from(Instant.now()), id).update();
    }

    public void recordReview(String id, String reviewer, boolean approved, String comment) {
        jdbc.sql("update onboarding_request set reviewed_by = ?, review_approved = ?, review_comment = ?, updated_at = ? "
                        + "where id = ?")
                .params(reviewer, approved, comment, Timestamp.from(Instant.now()), id).update();
    }

    public void recordKeysRefusal(String id, String officer, String comment) {
        jdbc.sql("update onboarding_request set keys_refused_by = ?, keys_comment = ?, updated_at = ? where id = ?")
                .params(officer, comment, Timestamp.from(Instant.now()), id).update();
    }

    /** The recorded treaty outcome and legal review, for the steps that accept ({@code RecordedApproval}). */
    public Optional<RecordedApproval> approval(String id) {
        return jdbc.sql("select requested_by, decision_outcome, reviewed_by, review_approved from onboarding_request "
                        + "where id = ?").param(id)
                .query((rs, row) -> new RecordedApproval(rs.getString("requested_by"), rs.getString("decision_outcome"),
                        rs.getString("reviewed_by"), (Boolean) rs.getObject("review_approved")))
                .optional();
    }

    public void recordStatus(String id, OnboardingStatus status) {
        jdbc.sql("update onboarding_request set status = ?, updated_at = ? where id = ?")
                .params(status.name(), Timestamp.from(Instant.now()), id).update();
    }

    public void recordKeysApproval(String id, String officer, String sourceLocation, List<String> sites) {
        jdbc.sql("update onboarding_request set keys_approved_by = ?, source_location = ?, target_sites = ?, "
                        + "updated_at = ? where id = ?")
                .params(officer, sourceLocation, String.join(",", sites), Timestamp.from(Instant.now()), id).update();
    }

    public Optional<OnboardingRequest> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from onboarding_request where id = ?").param(id)
                .query(OnboardingRequestStore::map).optional();
    }

    public List<OnboardingRequest> byStatus(OnboardingStatus status) {
        return jdbc.sql("select " + COLUMNS + " from onboarding_request where status = ? order by requested_at")
                .param(status.name()).query(OnboardingRequestStore::map).list();
    }

    public List<OnboardingRequest> byRequester(String username) {
        return jdbc.sql("select " + COLUMNS + " from onboarding_request where requested_by = ? order by requested_at desc")
                .param(username).query(OnboardingRequestStore::map).list();
    }

    private static int rpo(int hours, boolean missing) {
        return missing || hours <= 0 ? OnboardingApplication.DEFAULT_RECOVERY_POINT_HOURS : hours;
    }

    private static List<String> sites(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static OnboardingRequest map(ResultSet rs, int row) throws SQLException {
        String reasons = rs.getString("decision_reasons");
        return new OnboardingRequest(rs.getString("id"), rs.getString("name"), rs.getString("owning_agency"),
                rs.getString("legal_basis"), Classification.valueOf(rs.getString("classification")),
                rs.getBoolean("personal_data"), Register.valueOf(rs.getString("register_name")),
                rs.getString("agreement_id"), rs.getInt("size_estimate_gib"), rs.getString("requested_by"),
                rs.getTimestamp("requested_at").toInstant(), OnboardingStatus.valueOf(rs.getString("status")),
                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\n")),
                rs.getString("reviewed_by"), rs.getString("review_comment"), rs.getString("process_instance_id"),
                rs.getString("source_location"), sites(rs.getString("target_sites")), rs.getString("keys_approved_by"),
                sites(rs.getString("wanted_sites")), rpo(rs.getInt("rpo_hours"), rs.wasNull()),
                rs.getString("keys_refused_by"), rs.getString("keys_comment"));
    }
}
