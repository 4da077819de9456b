package org.dataembassy.portal.datasets.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where dataset sources may lie: under the configured source roots, judged on real paths, so a symlink inside a
 * root that points elsewhere (e.g. {@code sources/x -> /}) does not let {@code sources/x/etc} through. Checked when
 * a security officer approves the folder and again before every replication (the link could be swapped after
 * the approval). Inside an approved folder the replication engine never follows symlinks; it records them as
 * links.
 */
public final class SourceFolders {

    private static final int MAX_LENGTH = 1000; // onboarding_request.source_location

    private final List<Path> roots;

    /** @param roots configured roots; created if missing, then resolved to their real paths (which are compared) */
    public SourceFolders(List<String> roots) {
        this.roots = roots.stream().map(SourceFolders::prepare).toList();
    }

    public List<Path> roots() {
        return roots;
    }

    /**
     * The real path of {@code folder} when it is a readable directory under a root, otherwise the message to show
     * beside the field.
     */
    public Confined confine(String folder) {
        if (folder == null || folder.isBlank()) {
            return Confined.refused("Give the folder to replicate");
        }
        String text = folder.strip();
        if (text.length() > MAX_LENGTH) {
            return Confined.refused("At most " + MAX_LENGTH + " characters");
        }
        if (text.chars().anyMatch(c -> c == 0 || Character.isISOControl(c))) {
            return Confined.refused("The folder name contains a control character");
        }
        Path lexical;
        try {
            lexical = Path.of(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Confined.refused("Not a valid folder name");
        }
        if (!Files.isDirectory(lexical) || !Files.isReadable(lexical)) {
            if (roots.stream().noneMatch(lexical::startsWith)) {
                return Confined.refused(mustLieUnder());
            }
            return Confined.refused("No readable folder at " + lexical);
        }
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (IOException e) {
            return Confined.refused("No readable folder at " + lexical);
        }
        if (roots.stream().noneMatch(real::startsWith)) {
            return Confined.refused(real.equals(lexical) ? mustLieUnder() : "The folder leads outside the source roots "
                    + "through a symbolic link; " + mustLieUnder().toLowerCase());
        }
        return new Confined(Optional.of(real), null);
    }

    /** Refuses (IllegalStateException) a recorded source that no longer resolves under a root, e.g. a swapped link. */
    public Path recheck(String recorded) {
        Confined confined = confine(recorded);
        return confined.path().orElseThrow(() -> new IllegalStateException("the approved source folder "
                + recorded + " is no longer acceptable: " + confined.problem()));
    }

    private String mustLieUnder() {
        return "Must lie under " + String.join(" or ", roots.stream().map(Path::toString).toList());
    }

    private static Path prepare(String root) {
        Path path = Path.of(root).toAbsolutePath().normalize();
        try {
            Files.createDirectories(path);
            return path.toRealPath();
        } catch (IOException e) {
            throw new IllegalStateException("dataembassy.datasets.source-roots: cannot create " + path, e);
        }
    }

    /** A confined folder (its real path) or the problem to report. */
    public record Confined(Optional<Path> path, String problem) {

        static Confined refused(String problem) {
            return new Confined(Optional.empty(), problem);
        }
    }
}
