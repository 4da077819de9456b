package org.dataembassy.portal.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UrlPathHelper;

/** Whether a request belongs to the REST API: its decoded path within the application is {@code /api} or below. */
final class ApiPaths {

    private static final UrlPathHelper PATHS = UrlPathHelper.defaultInstance;

    private ApiPaths() {
    }

    static boolean isApi(HttpServletRequest request) {
        return isApiPath(PATHS.getPathWithinApplication(request));
    }

    static boolean isApiPath(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    /** For a raw request URI (e.g. an error dispatch's original URI): decoded, without the context path. */
    static boolean isApiUri(String requestUri, String contextPath) {
        if (requestUri == null) {
            return false;
        }
        String path = contextPath != null && !contextPath.isEmpty() && requestUri.startsWith(contextPath)
                ? requestUri.substring(contextPath.length()) : requestUri;
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // undecodable: judge the raw form
        }
        return isApiPath(path);
    }
}
