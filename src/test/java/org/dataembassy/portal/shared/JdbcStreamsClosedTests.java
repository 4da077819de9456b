package org.dataembassy.portal.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A JDBC query's {@code .stream()} holds its connection until the stream is closed: outside a transaction each
 * unclosed one keeps a pooled connection for ever, and ten of them stopped the portal (every login waited for the
 * pool). Main code must take results as {@code .list()}, {@code .optional()} or {@code .single()} (with a LIMIT in
 * SQL where only a few rows are wanted), or close the stream with try-with-resources.
 */
class JdbcStreamsClosedTests {

    /** A statement that runs a JdbcClient/JdbcTemplate query and streams its result. */
    private static final Pattern STREAMED = Pattern.compile(
            "(\\.query\\((?:[^;]*?)\\)\\s*\\.stream\\(\\))|queryForStream\\(", Pattern.DOTALL);

    static List<String> violations(String source) {
        List<String> found = new ArrayList<>();
        for (String statement : source.split(";")) {
            boolean jdbc = statement.contains(".sql(") || statement.contains("jdbc") || statement.contains("Jdbc");
            if (jdbc && STREAMED.matcher(statement).find() && !statement.strip().startsWith("try (")) {
                found.add(statement.strip().replaceAll("\\s+", " "));
            }
        }
        return found;
    }

    @Test
    void noJdbcQueryInMainCodeIsStreamedWithoutClosingIt() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                violations(Files.readString(file)).forEach(v -> found.add(file + ": " + v));
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theCheckFindsTheLeakThatStoppedThePortal() {
        String leak = "return jdbc.sql(\"select seq from policy_publication order by seq desc\")"
                + ".query(Long.class).stream().findFirst();";
        String alsoLeak = "return jdbc.sql(\"select \" + COLUMNS + \" from t\")\n    .query((rs, row) -> map(rs))"
                + "\n    .stream().limit(limit).toList();";
        String closed = "try (Stream<Long> s = jdbc.sql(\"select seq from t\").query(Long.class).stream()) { n = s.count(); }";
        String fine = "return jdbc.sql(\"select seq from t fetch first 1 rows only\").query(Long.class).optional();";
        assertThat(violations(leak)).hasSize(1);
        assertThat(violations(alsoLeak)).hasSize(1);
        assertThat(violations(closed)).isEmpty();
        assertThat(violations(fine)).isEmpty();
    }
}
