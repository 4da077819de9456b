package org.dataembassy.portal.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The embedded default's H2 file database keeps what it committed when the process is killed right after the
 * commit: a child JVM opens it with the URL of application.yml, commits a row, says so, and is killed with SIGKILL
 * at once; the row is there afterwards. With H2's default write delay (500 ms) it was lost.
 */
class EmbeddedDatabaseKilledTests {

    @TempDir
    Path dataDir;

    @Test
    void aCommitConfirmedBeforeTheKillIsInTheDatabaseAfterIt() throws Exception {
        String url = configuredUrl().replace("${dataembassy.data-dir}", dataDir.toString());
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CommitThenWait.class.getName(), url)
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("committed")) {
                System.err.println("[child] " + line);
            }
            assertThat(line).as("the child committed").isEqualTo("committed");
            child.destroyForcibly(); // SIGKILL, within milliseconds of the commit
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("select count(*) from vote where member = 'cleo'")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).as("the committed row after the kill").isEqualTo(1);
        }
    }

    @SuppressWarnings("unchecked")
    private static String configuredUrl() throws Exception {
        try (InputStream yml = EmbeddedDatabaseKilledTests.class.getResourceAsStream("/application.yml")) {
            Map<String, Object> root = new Yaml().load(yml);
            Map<String, Object> datasource = (Map<String, Object>) ((Map<String, Object>) root.get("spring")).get("datasource");
            String url = (String) datasource.get("url");
            assertThat(url).startsWith("jdbc:h2:file:");
            return url;
        }
    }

    /** The child: creates a table, commits one row, prints "committed", waits to be killed. */
    static final class CommitThenWait {
        public static void main(String[] args) throws Exception {
            Connection db = DriverManager.getConnection(args[0], "sa", "");
            try (Statement statement = db.createStatement()) {
                statement.execute("create table vote (member varchar(20))");
            }
            Thread.sleep(1500); // the table is written by now either way; only the row's commit is timed
            db.setAutoCommit(false);
            for (String sql : List.of("insert into vote values ('cleo')")) {
                try (Statement statement = db.createStatement()) {
                    statement.execute(sql);
                }
            }
            db.commit();
            System.out.println("committed");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }
}
