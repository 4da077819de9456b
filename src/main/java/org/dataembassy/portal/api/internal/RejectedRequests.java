package org.dataembassy.portal.api.internal;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Spring Security's firewall refuses some requests before any filter chain (encoded slashes or periods, semicolons,
 * methods other than GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, control characters in headers). Under
 * {@code /api/**} that is a 400 problem; elsewhere Spring Security's default (a plain 400) stays.
 */
final class RejectedRequests implements RequestRejectedHandler {

    private final RequestRejectedHandler others = new HttpStatusRequestRejectedHandler(HttpStatus.BAD_REQUEST.value());

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException, ServletException {
        if (!ApiPaths.isApiUri(request.getRequestURI(), request.getContextPath())) {
            others.handle(request, response, e);
            return;
        }
        Problems.write(request, response, Problems.of(ProblemType.REJECTED_REQUEST, "The request was refused before it"
                + " reached the API: its URL, method or a header holds something the portal never accepts (an encoded"
                + " slash, period or percent sign, a semicolon, a control character, or a method other than GET, HEAD,"
                + " POST, PUT, PATCH, DELETE and OPTIONS)."));
    }
}
