package org.dataembassy.portal.replication.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.dataembassy.portal.replication.DatasetSettings;
import org.dataembassy.portal.replication.ReplicationException;
import org.dataembassy.portal.replication.crypto.CryptoPreload;
import org.dataembassy.portal.replication.crypto.Hashes;
import org.dataembassy.portal.replication.engine.LocalReplicationEngine;
import org.dataembassy.portal.replication.engine.StateFolder;
import org.dataembassy.portal.replication.keys.Kek;
import org.dataembassy.portal.replication.keys.KekSharing;
import org.dataembassy.portal.replication.site.SiteSpec;
import org.dataembassy.portal.replication.site.SiteStore;

/**
 * Command line of the replication engine. Exit codes: 0 success, 1 failure, 2 usage error,
 * 3 partial success (some site failed or scrub found problems).
 */
public final class ReplicationCli {
    static final String USAGE = """
            usage: replication --state DIR [KEK source] COMMAND ...

            KEK source (one of): --kek-file FILE | --share FILE (repeat, M of N) | default DIR/kek.secret

            commands:
              init [--site NAME=SPEC]... [--kek-out FILE]   create the state folder and a new KEK
              site add NAME=SPEC                            add a site (SPEC: folder:/path | s3:http://host:port/bucket/prefix?accessKey=..&secretKey=..)
              dataset create DS [--min B --avg B --max B --pack-size B --level N]
              replicate DS SOURCE_DIR [--label TEXT] [--throttle-ms N] [--reread]
                                                            (--reread: read files even if size+mtime are unchanged)
              snapshots DS --site NAME
              restore DS --site NAME --target DIR [--snapshot ID|latest]
              scrub DS
              repair DS
              prune DS [--keep-last N] [--keep-within 30d|12h|45m]
              shred DS --yes                                destroy every copy of the dataset's keys
              status DS
              key split --m M --n N --out DIR               write N share files, any M unseal the KEK
              key unseal --share FILE... --out FILE         recombine shares into a KEK file
              key rotate DS                                 new data key for new data
              key rotate-kek --new-kek-out FILE             re-wrap all keys under a new KEK
            """;

    private final PrintStream out;
    private final PrintStream err;

    ReplicationCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        CryptoPreload.start();
        System.exit(new ReplicationCli(System.out, System.err).run(args));
    }

    int run(String[] argv) {
        try {
            CliArgs a = CliArgs.parse(argv);
            if (a.flag("help") || a.positional.isEmpty()) {
                out.print(USAGE);
                return a.flag("help") ? 0 : 2;
            }
            Path state = Path.of(a.required("state"));
            String cmd = a.word(0, "command");
            return switch (cmd) {
                case "init" -> init(state, a);
                case "site" -> addSite(state, a);
                case "key" -> new KeyCommands(this, state, a).run();
                default -> new EngineCommands(this, state, a).run(cmd);
            };
        } catch (CliArgs.UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (ReplicationException | UncheckedIOException | IllegalArgumentException e) {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    PrintStream out() {
        return out;
    }

    private int init(Path state, CliArgs a) {
        Kek kek = Kek.generate();
        LocalReplicationEngine.initState(state, kek);
        Path kekFile = Path.of(a.opt("kek-out", state.resolve("kek.secret").toString()));
        writeSecret(kekFile, kek.toHex());
        Properties sites = new Properties();
        for (String s : a.all("site")) {
            String[] nv = splitSite(s);
            sites.setProperty(nv[0], nv[1]);
        }
        StateFolder.write(new StateFolder(state).sitesFile(), sites);
        out.println("initialised state " + state + "; KEK written to " + kekFile + " (split it with 'key split' and remove it)");
        return 0;
    }

    private int addSite(Path state, CliArgs a) {
        String[] nv = splitSite(a.word(2, "NAME=SPEC"));
        StateFolder sf = new StateFolder(state);
        Properties sites = StateFolder.read(sf.sitesFile());
        sites.setProperty(nv[0], nv[1]);
        StateFolder.write(sf.sitesFile(), sites);
        out.println("site " + nv[0] + " added");
        return 0;
    }

    private static String[] splitSite(String s) {
        int eq = s.indexOf('=');
        if (eq <= 0) {
            throw new CliArgs.UsageException("site must be NAME=SPEC: " + s);
        }
        return new String[] {s.substring(0, eq), s.substring(eq + 1)};
    }

    static void writeSecret(Path file, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // non-POSIX
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Resolves the KEK from --kek-file, --share files, or DIR/kek.secret. */
    static Kek kek(Path state, CliArgs a) {
        byte[] fp = Hashes.unhex(
                StateFolder.read(new StateFolder(state).stateFile()).getProperty("kekFingerprint", ""));
        if (!a.all("share").isEmpty()) {
            List<String> shares = new ArrayList<>();
            for (String f : a.all("share")) {
                shares.add(read(Path.of(f)));
            }
            return KekSharing.unseal(shares, fp.length == 0 ? null : fp);
        }
        Path file = Path.of(a.opt("kek-file", state.resolve("kek.secret").toString()));
        if (!Files.isRegularFile(file)) {
            throw new ReplicationException("no KEK: give --kek-file or --share (M of N); " + file + " does not exist");
        }
        return Kek.fromHex(read(file));
    }

    static String read(Path f) {
        try {
            return Files.readString(f, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalReplicationEngine open(Path state, CliArgs a) {
        Kek kek = kek(state, a);
        Map<String, SiteStore> sites = new LinkedHashMap<>();
        new TreeMap<>(StateFolder.read(new StateFolder(state).sitesFile()))
                .forEach((k, v) -> sites.put((String) k, SiteSpec.open((String) k, (String) v)));
        return LocalReplicationEngine.open(state, kek, sites);
    }

    static Duration duration(String text) {
        if (text == null) {
            return null;
        }
        long n = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 'd' -> Duration.ofDays(n);
            case 'h' -> Duration.ofHours(n);
            case 'm' -> Duration.ofMinutes(n);
            default -> throw new CliArgs.UsageException("duration must end in d, h or m: " + text);
        };
    }

    static DatasetSettings settings(String ds, CliArgs a) {
        DatasetSettings d = DatasetSettings.defaults(ds);
        return new DatasetSettings(ds, a.integer("min", d.minChunk()), a.integer("avg", d.avgChunk()),
                a.integer("max", d.maxChunk()), a.integer("pack-size", d.packSize()), a.integer("level", d.compressionLevel()));
    }
}
