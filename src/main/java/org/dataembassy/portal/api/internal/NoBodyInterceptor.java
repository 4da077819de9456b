package org.dataembassy.portal.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a non-empty body sent to an API endpoint that declares none ({@code POST …/submit}, {@code …/publish},
 * a GET): without this, {@code {}xyz} sent to "submit" submits. Runs before the handler, after authorization.
 */
final class NoBodyInterceptor implements HandlerInterceptor {

    private final Map<HandlerMethod, Boolean> takesBody = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method && StrictJsonConverter.isApiController(method.getBeanType())
                && !takesBody.computeIfAbsent(method, NoBodyInterceptor::declaresBody) && BodyLimitFilter.hasBody(request)) {
            throw new UnexpectedBodyException();
        }
        return true;
    }

    private static boolean declaresBody(HandlerMethod method) {
        return Arrays.stream(method.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class)
                || HttpEntity.class.isAssignableFrom(p.getParameterType()));
    }
}
