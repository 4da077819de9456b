package org.dataembassy.portal.jurisdiction.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.jurisdiction.HostStateEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of host-state events ({@code host_state_event}). */
@Repository
public class HostStateEventStore {

    /** At most this many events reach a decision: the latest, which is more than any treaty situation needs. */
    static final int MAX_FACTS = 200;
    private static final String COLUMNS = "id, kind, state, start_day, end_day, sites, reference, recorded_by, recorded_at, ended_by,"
            + " review_id";

    private final JdbcClient jdbc;

    public HostStateEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(HostStateEvent e, String source) {
        jdbc.sql("insert into host_state_event (id, kind, state, start_day, end_day, sites, reference, source, recorded_by,"
                        + " recorded_at, review_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.kind(), e.state(), Date.valueOf(e.since()), e.until() == null ? null : Date.valueOf(e.until()),
                        String.join(",", e.sites()), e.reference(), source, e.recordedBy(), Timestamp.from(e.recordedAt()),
                        e.reviewId())
                .update();
    }

    /** Ends an open event on {@code day}; false when it is unknown or ended already. */
    public boolean end(String id, LocalDate day, String by) {
        return jdbc.sql("update host_state_event set end_day = ?, ended_by = ? where id = ? and end_day is null")
                .params(Date.valueOf(day), by, id).update() == 1;
    }

    /** Events not ended before {@code day}, latest first, at most {@link #MAX_FACTS}. */
    public List<HostStateEvent> notEndedBefore(LocalDate day) {
        return jdbc.sql("select " + COLUMNS + " from host_state_event where end_day is null or end_day >= ?"
                        + " order by start_day desc, recorded_at desc fetch first " + MAX_FACTS + " rows only")
                .param(Date.valueOf(day)).query((rs, row) -> map(rs)).list();
    }

    /** Every event, latest first, at most {@code limit}. */
    public List<HostStateEvent> latest(int limit) {
        return jdbc.sql("select " + COLUMNS + " from host_state_event order by start_day desc, recorded_at desc"
                        + " fetch first ? rows only").param(limit).query((rs, row) -> map(rs)).list();
    }

    public Optional<HostStateEvent> find(String id) {
        return jdbc.sql("select " + COLUMNS + " from host_state_event where id = ?").param(id)
                .query((rs, row) -> map(rs)).optional();
    }

    private static HostStateEvent map(ResultSet rs) throws SQLException {
        Date end = rs.getDate("end_day");
        String sites = rs.getString("sites");
        return new HostStateEvent(rs.getString("id"), rs.getString("kind"), rs.getString("state"),
                rs.getDate("start_day").toLocalDate(), end == null ? null : end.toLocalDate(),
                sites.isEmpty() ? List.of() : Arrays.asList(sites.split(",")), rs.getString("reference"),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("ended_by"),
                rs.getString("review_id"));
    }
}
