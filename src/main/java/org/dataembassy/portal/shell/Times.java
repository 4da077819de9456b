package org.dataembassy.portal.shell;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the portal writes an instant on a page: ISO dates (year first, as officials file them) in the server's
 * zone, to the minute in lists and to the second where order within a minute matters (processes, audit); a
 * treaty's deadline in UTC, saying so. An absent instant is written as nothing.
 */
public final class Times {

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 2026-12-07 21:35}, local to the server. */
    public static String minutes(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    /** {@code 2026-12-07 21:35:09}, local to the server. */
    public static String seconds(Instant at) {
        return at == null ? "" : SECONDS.format(at);
    }

    /** {@code 2026-12-07 21:35 UTC}: deadlines, which treaties count in UTC. */
    public static String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }
}
