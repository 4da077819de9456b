package org.dataembassy.portal.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dataembassy.portal.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers every exception of a request under {@code /api/**} as problem+json ({@link MvcProblems}), whether a
 * controller raised it or the dispatcher did before finding one (no handler, wrong method, media types). It sits
 * after the {@code @ExceptionHandler} methods (the modules' own problems) and before Spring's defaults, which
 * would send an HTML or plain JSON error page. Access refusals are left to the API's security chain.
 */
final class ApiExceptionResolver implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception e) {
        if (!ApiPaths.isApi(request) || e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            return null;
        }
        if (response.isCommitted()) {
            log.warn("API response already committed when {} was raised", e.toString());
            return new ModelAndView();
        }
        MvcProblems.Answer answer = MvcProblems.of(e);
        try {
            response.resetBuffer();
            answer.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            Problems.write(request, response, answer.problem());
        } catch (IOException io) {
            log.debug("could not write the problem for {}: {}", request.getRequestURI(), io.toString());
        }
        return new ModelAndView();
    }
}
