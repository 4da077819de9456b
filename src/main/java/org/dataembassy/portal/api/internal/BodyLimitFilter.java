package org.dataembassy.portal.api.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.api.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The size limit of request bodies under {@code /api/**}, applied first (before the sign-in is looked at): a
 * declared {@code Content-Length} over the limit is refused with 413 without reading anything; a chunked body is
 * read up to the limit and refused as soon as it goes over, else handed on from memory. Records the body's length
 * for {@link NoBodyInterceptor}.
 */
final class BodyLimitFilter extends OncePerRequestFilter {

    private static final String LENGTH = BodyLimitFilter.class.getName() + ".length";

    private final int maxBytes;

    BodyLimitFilter(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether the request carries a body of at least one byte (as this filter found it). */
    static boolean hasBody(HttpServletRequest request) {
        Object length = request.getAttribute(LENGTH);
        return length instanceof Long l ? l > 0 : request.getContentLengthLong() > 0;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ApiPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response, "The body has " + String.format(Locale.ROOT, "%,d", declared)
                    + " bytes; the API accepts at most " + BodyLimit.describe(maxBytes) + ". Nothing was read or changed.");
            return;
        }
        if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
            byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(request, response, "The body is longer than " + BodyLimit.describe(maxBytes)
                        + ", the most the API accepts. Nothing was changed.");
                return;
            }
            request.setAttribute(LENGTH, (long) body.length);
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        request.setAttribute(LENGTH, Math.max(declared, 0L));
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        Problems.write(request, response, Problems.of(ProblemType.TOO_LARGE, detail));
    }
}
