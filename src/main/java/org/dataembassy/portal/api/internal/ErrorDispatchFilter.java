package org.dataembassy.portal.api.internal;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;

/**
 * The last net for {@code /api/**}: when anything in the servlet container ends an API request with an error
 * status and no body (a filter's {@code sendError}, an exception thrown by a filter), the container dispatches to
 * Spring Boot's {@code /error} page, which answers HTML or plain JSON. This filter, registered for ERROR dispatches
 * only, answers the API's requests there with problem+json instead; a 500 says nothing about its cause.
 */
final class ErrorDispatchFilter implements Filter {

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!(uri instanceof String original) || !ApiPaths.isApiUri(original, request.getContextPath())) {
            chain.doFilter(req, res);
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        ProblemType type = ProblemType.forStatus(status);
        int answered = status >= 500 && status != 500 ? 400 : status;
        String detail = type == ProblemType.INTERNAL_ERROR
                ? "The request failed on the server; its log has the cause. Whether anything changed is not known."
                : type.title() + ".";
        Problems.write(original, (HttpServletResponse) res, Problems.withStatus(Problems.of(type, detail), answered));
    }
}
