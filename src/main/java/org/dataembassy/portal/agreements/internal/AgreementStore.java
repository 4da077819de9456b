package org.dataembassy.portal.agreements.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.agreements.AgreementOverview;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.VersionKind;
import org.dataembassy.portal.agreements.VersionStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Tables {@code agreement}, {@code agreement_version} and {@code policy_publication}. The lifecycle of terms of
 * schema_version 2 is read as of today by the portal's clock ({@link TermsJson#lifecycleOn}), not as stored when the
 * version was saved: a dated history entry comes into force without anyone saving again.
 */
@Repository
public class AgreementStore {

    private static final String VERSION_COLUMNS = "agreement_key, version, status, kind, based_on, title, lifecycle, "
            + "terms_json, rego_source, tests_source, change_note, author, created_at, updated_at, submitted_at, "
            + "reviewer, reviewed_at, review_comment, published_by, published_at, bundle_revision";

    private final JdbcClient jdbc;
    private final Clock clock;

    AgreementStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public boolean exists(String key) {
        return jdbc.sql("select count(*) from agreement where agreement_key = ?").param(key).query(Integer.class).single() > 0;
    }

    public int count() {
        return jdbc.sql("select count(*) from agreement").query(Integer.class).single();
    }

    public void insertAgreement(String key, String id, String by) {
        jdbc.sql("insert into agreement (agreement_key, agreement_id, created_at, created_by) values (?, ?, ?, ?)")
                .params(key, id, now(), by).update();
    }

    /** Locks the agreement's row until the transaction ends, so concurrent changes to one agreement queue up. */
    public void lock(String key) {
        jdbc.sql("select agreement_key from agreement where agreement_key = ? for update").param(key)
                .query(String.class).optional();
    }

    public int nextVersion(String key) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from agreement_version where agreement_key = ?").param(key)
                .query(Integer.class).single();
    }

    public void insertVersion(String key, int version, VersionStatus status, VersionKind kind, Integer basedOn,
                              String title, String lifecycle, DraftContent content, String author) {
        Timestamp now = now();
        jdbc.sql("insert into agreement_version (agreement_key, version, status, kind, based_on, title, lifecycle, "
                        + "terms_json, rego_source, tests_source, change_note, author, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(key, version, status.name(), kind.name(), basedOn, title, lifecycle, content.termsJson(),
                        content.regoSource(), content.testsSource(), content.changeNote(), author, now, now)
                .update();
    }

    public void updateContent(String key, int version, String title, String lifecycle, DraftContent content) {
        jdbc.sql("update agreement_version set title = ?, lifecycle = ?, terms_json = ?, rego_source = ?, "
                        + "tests_source = ?, change_note = ?, updated_at = ? where agreement_key = ? and version = ? "
                        + "and status = 'DRAFT'")
                .params(title, lifecycle, content.termsJson(), content.regoSource(), content.testsSource(),
                        content.changeNote(), now(), key, version)
                .update();
    }

    public void markSubmitted(String key, int version) {
        jdbc.sql("update agreement_version set status = 'IN_REVIEW', submitted_at = ?, updated_at = ? "
                + "where agreement_key = ? and version = ?").params(now(), now(), key, version).update();
    }

    public void markReviewed(String key, int version, VersionStatus status, String reviewer, String comment) {
        jdbc.sql("update agreement_version set status = ?, reviewer = ?, reviewed_at = ?, review_comment = ?, "
                        + "updated_at = ? where agreement_key = ? and version = ?")
                .params(status.name(), reviewer, now(), comment, now(), key, version).update();
    }

    public void markPublished(String key, int version, String by, String revision) {
        jdbc.sql("update agreement_version set status = 'SUPERSEDED', updated_at = ? where agreement_key = ? "
                + "and status = 'PUBLISHED'").params(now(), key).update();
        jdbc.sql("update agreement_version set status = 'PUBLISHED', published_by = ?, published_at = ?, "
                        + "bundle_revision = ?, updated_at = ? where agreement_key = ? and version = ?")
                .params(by, now(), revision, now(), key, version).update();
    }

    public Optional<AgreementVersion> version(String key, int version) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from agreement_version where agreement_key = ? and version = ?")
                .params(key, version).query(this::mapVersion).optional();
    }

    public List<AgreementVersion> versions(String key) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from agreement_version where agreement_key = ? order by version desc")
                .param(key).query(this::mapVersion).list();
    }

    /** The published version of every agreement that has one, by key. */
    public List<AgreementVersion> published() {
        return jdbc.sql("select " + VERSION_COLUMNS + " from agreement_version where status = 'PUBLISHED' "
                + "order by agreement_key").query(this::mapVersion).list();
    }

    public List<AgreementOverview> overviews() {
        return jdbc.sql("""
                select a.agreement_key, a.agreement_id,
                  coalesce(p.title, l.title) as title, coalesce(p.lifecycle, l.lifecycle) as lifecycle,
                  coalesce(p.terms_json, l.terms_json) as terms_json, p.version as published_version,
                  l.version as latest_version,
                  (select count(*) from agreement_version o where o.agreement_key = a.agreement_key
                     and o.status in ('DRAFT', 'IN_REVIEW', 'APPROVED')) as open_versions
                from agreement a
                join agreement_version l on l.agreement_key = a.agreement_key
                  and l.version = (select max(version) from agreement_version m where m.agreement_key = a.agreement_key)
                left join agreement_version p on p.agreement_key = a.agreement_key and p.status = 'PUBLISHED'
                order by a.agreement_key""")
                .query((rs, row) -> {
                    String terms = rs.getString("terms_json");
                    TermsJson.Parties parties = TermsJson.parties(terms);
                    int number = rs.getInt("published_version");
                    Integer published = rs.wasNull() ? null : number; // asked right after its own column
                    return new AgreementOverview(rs.getString("agreement_key"), rs.getString("agreement_id"),
                            rs.getString("title"), parties.originating(), parties.host(),
                            TermsJson.lifecycleOn(rs.getString("lifecycle"), terms, today()),
                            published, rs.getInt("latest_version"), rs.getInt("open_versions"));
                }).list();
    }

    /**
     * Takes the publication lock until the transaction ends: publications on every node sharing the database queue
     * up here, and each reads the published versions after the previous one committed.
     */
    public long nextPublication() {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from policy_publication").query(Long.class).single();
    }

    /** Sequence number of the last publication, if any. */
    public Optional<Long> lastPublication() {
        return jdbc.sql("select seq from policy_publication order by seq desc fetch first 1 rows only")
                .query(Long.class).optional();
    }

    public void insertPublication(long seq, String revision, String key, int version, String by, long activeAfterMs) {
        jdbc.sql("insert into policy_publication (seq, revision, agreement_key, version, published_by, published_at, "
                        + "active_after_ms) values (?, ?, ?, ?, ?, ?, ?)")
                .params(seq, revision, key, version, by, now(), activeAfterMs).update();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** Today by the portal's clock, in UTC: the day a lifecycle is read for. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private AgreementVersion mapVersion(ResultSet rs, int row) throws SQLException {
        int basedOn = rs.getInt("based_on");
        Integer based = rs.wasNull() ? null : basedOn;
        String terms = rs.getString("terms_json");
        return new AgreementVersion(rs.getString("agreement_key"), rs.getInt("version"),
                VersionStatus.valueOf(rs.getString("status")), VersionKind.valueOf(rs.getString("kind")), based,
                rs.getString("title"), TermsJson.lifecycleOn(rs.getString("lifecycle"), terms, today()), terms,
                rs.getString("rego_source"), rs.getString("tests_source"), rs.getString("change_note"),
                rs.getString("author"), instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "submitted_at"), rs.getString("reviewer"), instant(rs, "reviewed_at"),
                rs.getString("review_comment"), rs.getString("published_by"), instant(rs, "published_at"),
                rs.getString("bundle_revision"));
    }
}
