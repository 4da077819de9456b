package org.dataembassy.portal.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem types an API handler may answer besides those every handler of its shape can (not signed in,
 * forbidden, not found with a path variable, invalid input with a body …), so the OpenAPI document lists them too.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiProblems {

    /** The extra problem types. */
    ProblemType[] value();

    /** When they happen, in one sentence for the document. */
    String when();
}
