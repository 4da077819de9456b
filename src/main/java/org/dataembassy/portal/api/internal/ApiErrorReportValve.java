package org.dataembassy.portal.api.internal;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;

/**
 * Tomcat's own error page, for what Tomcat refuses before the application sees it: a request line or header it
 * cannot parse, headers over {@code server.max-http-request-header-size}, an encoded slash or NUL in the path,
 * CONNECT. For {@code /api/**}, and for a request line so broken that its path is unknown, it answers problem+json (a 5xx of this kind, e.g. 501 for CONNECT, is reported as
 * 400: it concerns the request as sent); for every other path it is Tomcat's page as Spring Boot configures it
 * (no report, no server information). Public with a no-argument constructor: Tomcat names its valve by class.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = uri(request);
        // a request line Tomcat could not parse has no path to tell: it gets the problem too (browsers never send one)
        if (uri != null && !uri.isEmpty() && !ApiPaths.isApiUri(uri, request.getContextPath())) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        int answered = status >= 500 && status != 500 ? 400 : status;
        String detail = type == ProblemType.INTERNAL_ERROR ? "The request failed on the server; its log has the cause."
                : "The web server refused the request before the API saw it (for example a header over the size limit,"
                + " a character not allowed in a URL, or an encoded slash).";
        try {
            response.setStatus(answered);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                byte[] json = Problems.toJson(uri, Problems.withStatus(Problems.of(type, detail), answered));
                writer.write(new String(json, StandardCharsets.UTF_8));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body any more: nothing left to tell
        }
    }

    private static String uri(Request request) {
        try {
            String uri = request.getRequestURI();
            return uri != null ? uri : request.getCoyoteRequest().requestURI().toString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
