package org.dataembassy.portal.policy;

/**
 * One Rego test as {@code opa test} ran it.
 *
 * @param packageName e.g. {@code data.dataembassy.ee_lu_test}
 * @param name        the rule name, e.g. {@code test_deny_ee_lu_reasons_cite_this_agreement}
 * @param file        path inside the tree
 * @param line        1-based line of the test rule
 * @param passed      true when the rule evaluated to true without error
 * @param message     why it failed (OPA's error, or "the test evaluated to false"); empty when it passed
 */
public record PolicyTestResult(String packageName, String name, String file, int line, boolean passed,
                               String message, long durationNanos) {
}
