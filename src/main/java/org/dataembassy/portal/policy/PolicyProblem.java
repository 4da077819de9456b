package org.dataembassy.portal.policy;

/**
 * Something OPA or the treaty contract found wrong with a policy tree.
 *
 * @param file    path inside the tree, or empty when the problem is not in one file (e.g. a contract violation)
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param code    OPA's error code ({@code rego_parse_error}, …) or {@code contract_violation}, {@code test_failed}
 * @param message what is wrong, in OPA's or the contract's words
 */
public record PolicyProblem(String file, int line, int column, String code, String message) {

    public String location() {
        return file.isEmpty() ? "" : line == 0 ? file : file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        String at = location();
        return (at.isEmpty() ? "" : at + ": ") + message + " (" + code + ")";
    }
}
