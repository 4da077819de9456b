package org.dataembassy.portal.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts the OPA binary the way every OPA of the portal runs: with an <em>empty</em> process environment (OPA
 * needs none; {@code opa.runtime().env} and anything a policy could leak then show nothing of the portal's
 * database password or client secrets) and in a working directory of the portal's choosing.
 */
final class OpaProcess {

    record Result(int exit, String stdout, String stderr) {
    }

    private OpaProcess() {
    }

    /** {@code binary args…} in {@code directory}, environment cleared; nothing is added to it. */
    static ProcessBuilder builder(Path binary, List<String> args, Path directory) {
        List<String> command = new ArrayList<>(args.size() + 1);
        command.add(binary.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().clear();
        return builder;
    }

    /** Runs to completion (stdin written and closed first), killed after {@code timeout}. */
    static Result run(Path binary, List<String> args, Path directory, byte[] stdin, Duration timeout) {
        Process process;
        try {
            process = builder(binary, args, directory).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run OPA at " + binary + ": " + e.getMessage(), e);
        }
        String what = args.isEmpty() ? "opa" : "opa " + args.get(0);
        try {
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " took longer than " + timeout.toSeconds() + " s");
            }
            return new Result(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what + " ran", e);
        }
    }

    private static String read(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
