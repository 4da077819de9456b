package org.dataembassy.portal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The authorization policy and the code agree: every action in {@code authz.rego}'s role table is asked by some
 * service (not only by a view that hides a button), and every action a service or view asks has a rule — so a
 * rule cannot be written and forgotten, nor a check invented without a rule (which would refuse everyone).
 */
class AuthorizationRulesAskedTests {

    private static final Path POLICY = Path.of("policies/dataembassy/authz/authz.rego");
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern ASKED = Pattern.compile(
            "(?:access\\.(?:require|decide|enforce)|authorize)\\(\\s*\"([a-z]+(?:\\.[a-z]+)+)\"");

    @Test
    void everyRuleIsAskedByAServiceAndEveryQuestionHasARule() throws IOException {
        Set<String> rules = rules();
        Set<String> askedByServices = new TreeSet<>();
        Set<String> askedAnywhere = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = ASKED.matcher(Files.readString(file));
                while (m.find()) {
                    askedAnywhere.add(m.group(1));
                    if (!file.toString().contains("/ui/")) {
                        askedByServices.add(m.group(1));
                    }
                }
            }
        }
        assertThat(rules).as("actions in authz.rego").hasSizeGreaterThanOrEqualTo(10);
        assertThat(askedByServices).as("actions asked by services").containsExactlyInAnyOrderElementsOf(rules);
        assertThat(rules).as("every action asked has a rule").containsAll(askedAnywhere);
    }

    private static Set<String> rules() throws IOException {
        String policy = Files.readString(POLICY);
        int start = policy.indexOf("permissions := {");
        int end = policy.indexOf("\n}", start);
        assertThat(start).as("the role table in authz.rego").isPositive();
        Set<String> actions = new TreeSet<>();
        Matcher m = Pattern.compile("\"([a-z]+(?:\\.[a-z]+)+)\"\\s*:").matcher(policy.substring(start, end));
        while (m.find()) {
            actions.add(m.group(1));
        }
        return actions;
    }
}
