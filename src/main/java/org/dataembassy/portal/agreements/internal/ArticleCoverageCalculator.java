package org.dataembassy.portal.agreements.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataembassy.portal.agreements.ArticleCoverage;
import org.dataembassy.portal.policy.PolicyTestRun;
import org.dataembassy.portal.policy.PolicyTree;

/**
 * Coverage per article: the rules that cite an article (a top-level rule of the generic clauses or of the
 * treaty package whose text names the article's topic in quotes, as {@code reason(t, …, "host_access")}
 * does) and how many of their evaluable lines the agreement's tests reached.
 */
public final class ArticleCoverageCalculator {

    /** The folder of the generic clauses of schema_version 1: every file in it but the tests is read. */
    static final String CLAUSES_FOLDER = "dataembassy/treaty/";

    /** The file of the shared rules in {@link #CLAUSES_FOLDER} (time, lifecycle, data that may be hosted). */
    static final String CLAUSES = CLAUSES_FOLDER + "treaty.rego";

    private ArticleCoverageCalculator() {
    }

    public static List<ArticleCoverage> compute(PolicyTree tree, String key, String termsJson, PolicyTestRun run) {
        JsonNode terms = TermsJson.parseOrEmpty(termsJson);
        List<ArticleCoverage> result = new ArrayList<>();
        for (Map.Entry<String, String[]> article : TermsJson.articles(terms).entrySet()) {
            int covered = 0;
            int total = 0;
            for (String file : ruleFiles(tree, key)) {
                String source = tree.file(file).orElse("");
                PolicyTestRun.LineCoverage lines = run.coverage().get(file);
                Set<Integer> hit = lines == null ? Set.of() : lines.covered();
                Set<Integer> missed = lines == null ? Set.of() : lines.notCovered();
                for (int[] block : blocksCiting(source, article.getKey())) {
                    for (int line = block[0]; line <= block[1]; line++) {
                        if (hit.contains(line)) {
                            covered++;
                            total++;
                        } else if (missed.contains(line)) {
                            total++;
                        }
                    }
                }
            }
            result.add(new ArticleCoverage(article.getKey(), article.getValue()[0], article.getValue()[1], covered, total));
        }
        return result;
    }

    /** The generic clause files (each entry point's file beside treaty.rego) and the agreement's treaty package. */
    static List<String> ruleFiles(PolicyTree tree, String key) {
        List<String> files = new ArrayList<>();
        for (String path : tree.files().keySet()) {
            if (path.startsWith(CLAUSES_FOLDER) && path.endsWith(".rego") && !path.endsWith("_test.rego")
                    && path.indexOf('/', CLAUSES_FOLDER.length()) < 0) {
                files.add(path);
            }
        }
        files.add(AgreementFiles.regoPath(key));
        return files;
    }

    /**
     * Line ranges (1-based, inclusive) of top-level rules whose text contains {@code "topic"}. A rule starts at
     * a line beginning with a letter and runs to the line before the next blank line. Only lines OPA reports as
     * covered or not covered count (comments and closing brackets are neither).
     */
    static List<int[]> blocksCiting(String source, String topic) {
        String[] lines = source.split("\n", -1);
        List<int[]> blocks = new ArrayList<>();
        String needle = "\"" + topic + "\"";
        int i = 0;
        while (i < lines.length) {
            if (lines[i].isEmpty() || !Character.isLetter(lines[i].charAt(0)) || lines[i].startsWith("package ")
                    || lines[i].startsWith("import ")) {
                i++;
                continue;
            }
            int start = i;
            boolean cites = false;
            while (i < lines.length && !lines[i].isBlank()) {
                cites |= lines[i].contains(needle);
                i++;
            }
            if (cites) {
                blocks.add(new int[] {start + 1, i});
            }
        }
        return blocks;
    }
}
