package org.dataembassy.portal.replication.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Minimal parser: positional words plus {@code --name value} options (repeatable) and {@code --flag}. */
final class CliArgs {
    private static final Set<String> FLAGS = Set.of("yes", "help", "reread");
    final List<String> positional = new ArrayList<>();
    final Map<String, List<String>> options = new HashMap<>();

    static CliArgs parse(String[] args) {
        CliArgs a = new CliArgs();
        for (int i = 0; i < args.length; i++) {
            String s = args[i];
            if (s.startsWith("--")) {
                String name = s.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq > 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (FLAGS.contains(name)) {
                    value = "true";
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new UsageException("option --" + name + " needs a value");
                }
                a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    String opt(String name, String fallback) {
        List<String> v = options.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    String required(String name) {
        String v = opt(name, null);
        if (v == null) {
            throw new UsageException("missing option --" + name);
        }
        return v;
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    int integer(String name, int fallback) {
        try {
            return Integer.parseInt(opt(name, String.valueOf(fallback)));
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number");
        }
    }

    String word(int i, String what) {
        if (positional.size() <= i) {
            throw new UsageException("missing " + what);
        }
        return positional.get(i);
    }

    /** Signals bad usage (exit code 2). */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
