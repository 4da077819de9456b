package org.dataembassy.portal.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.web.bind.annotation.RestController;

/**
 * A {@link RestController} of the REST API ({@code /api/**}). Request bodies of its handlers are read strictly
 * (one UTF-8 JSON value without a byte-order mark, no trailing content, no duplicate keys, no nulls, no unknown
 * fields, no type coercion) and its path variables and query parameters of number types accept decimal digits
 * only. Every controller mapped under {@code /api/**} must carry it ({@code MalformedApiRequestsIT} checks).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface ApiController {

    /** The bean name, as for {@link RestController#value()}. */
    @AliasFor(annotation = RestController.class)
    String value() default "";
}
