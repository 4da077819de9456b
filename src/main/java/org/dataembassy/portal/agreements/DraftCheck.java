package org.dataembassy.portal.agreements;

import java.util.List;
import java.util.Map;
import org.dataembassy.portal.policy.PolicyProblem;

/**
 * What is wrong with a draft's content, without storing it: clause errors by JSON path, and compile or
 * contract problems with file, line and column (files {@code terms}, {@code rego} and {@code tests} name the
 * three parts; other files are the shared rules the draft is compiled with).
 */
public record DraftCheck(Map<String, String> fieldErrors, List<PolicyProblem> problems) {

    public static final String TERMS = "terms";
    public static final String REGO = "rego";
    public static final String TESTS = "tests";

    public DraftCheck {
        fieldErrors = Map.copyOf(fieldErrors);
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return fieldErrors.isEmpty() && problems.isEmpty();
    }

    /** Problems in one part ({@link #REGO} or {@link #TESTS}). */
    public List<PolicyProblem> problemsIn(String part) {
        return problems.stream().filter(p -> p.file().equals(part)).toList();
    }
}
