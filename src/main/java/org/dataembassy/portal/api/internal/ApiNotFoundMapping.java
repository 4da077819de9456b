package org.dataembassy.portal.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;

/**
 * A path under {@code /api/**} that no controller maps is a 404 problem, not Vaadin's page (the Vaadin servlet
 * takes every path no one else does). Ordered right after the controllers' mapping, so real endpoints, their 405
 * and their 406/415 always win.
 */
final class ApiNotFoundMapping extends AbstractHandlerMapping {

    private static final HttpRequestHandler NOT_FOUND = (request, response) -> {
        throw new NoHandlerFoundException(request.getMethod(), request.getRequestURI(), new HttpHeaders());
    };

    ApiNotFoundMapping() {
        setOrder(1); // RequestMappingHandlerMapping is 0; Vaadin's catch-all and static resources come much later
    }

    @Override
    protected Object getHandlerInternal(HttpServletRequest request) {
        return ApiPaths.isApi(request) ? NOT_FOUND : null;
    }
}
