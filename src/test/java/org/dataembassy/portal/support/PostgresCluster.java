package org.dataembassy.portal.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostgreSQL cluster of a test's own (scripts/postgres.sh with its own folder and port), so a test can stop and
 * start the server under a running portal without disturbing the cluster other tests use.
 */
public final class PostgresCluster {

    private final String dir;
    private final int port;

    public PostgresCluster(String dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts the cluster with a fresh, empty database; returns its JDBC URL. */
    public String reset() throws IOException, InterruptedException {
        return run("reset").lines().reduce((a, b) -> b).orElseThrow();
    }

    public void start() throws IOException, InterruptedException {
        run("start");
    }

    /** A fast shutdown: open connections are cut, as in a crash or a restart by the operator. */
    public void stop() throws IOException, InterruptedException {
        run("stop");
    }

    /** Runs one SQL statement in {@code database} as the cluster's superuser; returns what psql printed. */
    public String sql(String database, String statement) throws IOException, InterruptedException {
        return run("sql", database, statement);
    }

    private String run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("scripts/postgres.sh"));
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line).redirectErrorStream(true);
        builder.environment().put("DATAEMBASSY_PG_DIR", dir);
        builder.environment().put("DATAEMBASSY_PG_PORT", String.valueOf(port));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.waitFor() != 0) {
            throw new IOException("scripts/postgres.sh " + String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}
