package org.dataembassy.portal.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the portal's log says about the run: Hikari's leak reports (with the stack of the first ones), ERROR and WARN
 * lines grouped by logger and message, and how often the shortened schedules started work.
 */
final class LogScan {

    private static final Pattern LINE = Pattern.compile(
            "^\\S+\\s+(ERROR|WARN|INFO|DEBUG|TRACE)\\s+\\d+ --- \\[[^\\]]*\\] \\[([^\\]]*)\\] (\\S+)\\s*: (.*)$");
    private static final Pattern REPLICATION = Pattern.compile("replication schedule started (\\d+) transfer");
    private static final Pattern JURISDICTION = Pattern.compile("jurisdiction schedule started (\\d+) periodic");
    private static final int EXCERPT_LINES = 25;

    record Findings(int leakReports, int leakedReturned, int errorLines, int warnLines, Map<String, Integer> errors,
                    Map<String, Integer> warnings, int scheduledTransfers, int scheduledReviews, List<String> leakExcerpts,
                    List<String> errorExcerpts) {
    }

    private LogScan() {
    }

    static Findings scan(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        int leaks = 0;
        int returned = 0;
        int errorLines = 0;
        int warnLines = 0;
        int transfers = 0;
        int reviews = 0;
        Map<String, Integer> errors = new LinkedHashMap<>();
        Map<String, Integer> warnings = new LinkedHashMap<>();
        List<String> leakExcerpts = new ArrayList<>();
        List<String> errorExcerpts = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.toLowerCase().contains("leak detection triggered")) {
                leaks++;
                if (leakExcerpts.size() < 3) {
                    leakExcerpts.add(excerpt(lines, i));
                }
            }
            if (line.contains("Previously reported leaked connection")) {
                returned++;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String key = m.group(3) + ": " + shorten(m.group(4));
            if (m.group(1).equals("ERROR")) {
                errorLines++;
                if (errors.merge(key, 1, Integer::sum) == 1 && errorExcerpts.size() < 5) {
                    errorExcerpts.add(excerpt(lines, i));
                }
            } else if (m.group(1).equals("WARN")) {
                warnLines++;
                warnings.merge(key, 1, Integer::sum);
            }
            transfers += sum(REPLICATION, m.group(4));
            reviews += sum(JURISDICTION, m.group(4));
        }
        return new Findings(leaks, returned, errorLines, warnLines, errors, warnings, transfers, reviews, leakExcerpts,
                errorExcerpts);
    }

    /** The message without what changes per occurrence (ids, numbers, ports), so repeats group together. */
    private static String shorten(String message) {
        String stable = message.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>")
                .replaceAll("\\d+", "N");
        return stable.length() > 160 ? stable.substring(0, 160) + "…" : stable;
    }

    private static int sum(Pattern pattern, String message) {
        Matcher m = pattern.matcher(message);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String excerpt(List<String> lines, int from) {
        return String.join("\n", lines.subList(from, Math.min(lines.size(), from + EXCERPT_LINES)));
    }
}
