package org.dataembassy.portal.policy.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the server's folders out of everything OPA says about a policy tree: file names, messages, stderr
 * lines. Paths inside the tree become relative to it ({@code dataembassy/treaty/treaty.rego}), the tree
 * itself {@code .}, and other paths in the sandbox relative to the sandbox ({@code capabilities.json}). Both
 * the folder as given and its real path (the data folder may sit behind a symbolic link) are recognised.
 */
final class TreePaths {

    private record Prefix(String path, String replacement) {
    }

    private final List<Prefix> prefixes;

    TreePaths(Path tree, Path sandbox) {
        List<Prefix> found = new ArrayList<>();
        for (String form : forms(tree)) {
            found.add(new Prefix(form + "/", ""));
            found.add(new Prefix(form, "."));
        }
        for (String form : forms(sandbox)) {
            found.add(new Prefix(form + "/", ""));
            found.add(new Prefix(form, "."));
        }
        // the longest first: the tree lies inside the sandbox, and "dir/" must win over "dir"
        found.sort(Comparator.comparingInt((Prefix p) -> p.path().length()).reversed());
        this.prefixes = List.copyOf(found);
    }

    /** A file name as OPA reports it, relative to the tree ({@code ./a/b.rego} and {@code /tree/a/b.rego}: {@code a/b.rego}). */
    String file(String reported) {
        if (reported == null || reported.isEmpty()) {
            return "";
        }
        String relative = text(reported);
        while (relative.startsWith("./")) {
            relative = relative.substring(2);
        }
        return relative;
    }

    /** Any text OPA printed, with every path of the tree or the sandbox made relative. */
    String text(String message) {
        if (message == null || message.isEmpty()) {
            return message == null ? "" : message;
        }
        String result = message;
        for (Prefix prefix : prefixes) {
            result = result.replace(prefix.path(), prefix.replacement());
        }
        return result;
    }

    private static Set<String> forms(Path folder) {
        Set<String> forms = new LinkedHashSet<>();
        Path absolute = folder.toAbsolutePath().normalize();
        forms.add(absolute.toString());
        try {
            forms.add(absolute.toRealPath().toString());
        } catch (IOException e) {
            // not there (yet): the absolute form is all OPA can print
        }
        forms.removeIf(f -> f.equals("/") || f.isEmpty());
        return forms;
    }
}
