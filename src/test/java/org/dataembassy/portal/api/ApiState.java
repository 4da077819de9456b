package org.dataembassy.portal.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.support.ApiSession;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a malformed request must not change, read before and after the suite: the agreement list and the suite
 * agreement's versions (as the API lists them), the registry's and the publications' row counts, the what-if
 * decisions recorded ({@code api:…} and {@code try-it:…} subjects; workflows of other tests record their own), and
 * the audit entries written for the suite's users, not counting audited refusals.
 */
record ApiState(String agreements, String versions, long agreementRows, long versionRows, long publications,
                long whatIfDecisions, long auditSeq) {

    static final Set<String> REFUSALS = Set.of("ACCESS_REFUSED", "WHAT_IF_RATE_LIMITED");

    static ApiState read(ApiSession session, String key, JdbcClient jdbc) throws Exception {
        return new ApiState(session.get("/api/agreements").body(), session.get("/api/agreements/" + key + "/versions").body(),
                count(jdbc, "select count(*) from agreement"), count(jdbc, "select count(*) from agreement_version"),
                count(jdbc, "select count(*) from policy_publication"),
                count(jdbc, "select count(*) from policy_decision where subject like 'api:%' or subject like 'try-it:%'"),
                count(jdbc, "select last_seq from audit_head where id = 1"));
    }

    /** Field → [before, after] of everything that differs, plus the audit entries the suite's users caused. */
    static Map<String, Object> compare(ApiState before, ApiState after, Set<String> users, JdbcClient jdbc) {
        Map<String, Object> changes = new LinkedHashMap<>();
        if (!before.agreements().equals(after.agreements())) {
            changes.put("agreements", "the agreement list changed");
        }
        if (!before.versions().equals(after.versions())) {
            changes.put("versions", "the suite agreement's versions changed");
        }
        diff(changes, "agreementRows", before.agreementRows(), after.agreementRows());
        diff(changes, "versionRows", before.versionRows(), after.versionRows());
        diff(changes, "publications", before.publications(), after.publications());
        diff(changes, "whatIfDecisions", before.whatIfDecisions(), after.whatIfDecisions());
        long written = jdbc.sql("select count(*) from audit_entry where seq > :seq and actor in (:users)"
                        + " and action not in (:refusals)")
                .param("seq", before.auditSeq()).param("users", users).param("refusals", REFUSALS)
                .query(Long.class).single();
        if (written > 0) {
            changes.put("auditEntries", written + " entries by the suite's users that are not refusals");
        }
        return changes;
    }

    static long refusalsAudited(ApiState before, Set<String> users, JdbcClient jdbc) {
        return jdbc.sql("select count(*) from audit_entry where seq > :seq and actor in (:users) and action in (:refusals)")
                .param("seq", before.auditSeq()).param("users", users).param("refusals", REFUSALS)
                .query(Long.class).single();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void diff(Map<String, Object> changes, String name, long before, long after) {
        if (before != after) {
            changes.put(name, List.of(before, after));
        }
    }
}
