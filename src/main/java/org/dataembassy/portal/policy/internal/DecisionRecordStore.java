package org.dataembassy.portal.policy.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.policy.Obligation;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.Reason;
import org.dataembassy.portal.policy.RecordedDecision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every decision with its input, kept for audit and for replaying against draft policies. */
@Repository
public class DecisionRecordStore {

    private static final int MAX_JSON = 20_000;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public DecisionRecordStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(String id, String entryPoint, String subject, Map<String, Object> input, PolicyDecision.Outcome outcome,
                List<Reason> reasons, List<Obligation> obligations) {
        jdbc.sql("insert into policy_decision (id, decided_at, entry_point, subject, input_json, outcome, reasons_json,"
                        + " obligations_json) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS)), entryPoint, subject,
                        toJson(input), outcome.name(), toJson(reasons), obligations.isEmpty() ? null : toJson(obligations))
                .update();
    }

    /** Decisions taken since {@code since}, oldest first, at most {@code limit}. */
    public List<RecordedDecision> since(Instant since, int limit) {
        return jdbc.sql("select id, decided_at, entry_point, subject, input_json, outcome, reasons_json from policy_decision"
                        + " where decided_at >= ? order by decided_at, id fetch first ? rows only")
                .params(Timestamp.from(since), limit).query((rs, row) -> new RecordedDecision(rs.getString("id"),
                        rs.getTimestamp("decided_at").toInstant(), rs.getString("entry_point"), rs.getString("subject"),
                        readMap(rs.getString("input_json")), PolicyDecision.Outcome.valueOf(rs.getString("outcome")),
                        readReasons(rs.getString("reasons_json"))))
                .list();
    }

    private Map<String, Object> readMap(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of(); // truncated when stored (over 20,000 characters): replayed as an empty input
        }
    }

    private List<Reason> readReasons(String text) {
        try {
            return json.readValue(text, new TypeReference<List<Reason>>() { });
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private String toJson(Object value) {
        try {
            String s = json.writeValueAsString(value);
            return s.length() > MAX_JSON ? s.substring(0, MAX_JSON) : s;
        } catch (JsonProcessingException e) {
            return "\"unserialisable: " + e.getOriginalMessage() + "\"";
        }
    }
}
