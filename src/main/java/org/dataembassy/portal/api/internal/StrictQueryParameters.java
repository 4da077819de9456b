package org.dataembassy.portal.api.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Query parameters of an API handler taken as they were meant: one value each (Spring would join {@code a=1&a=2}
 * into "1,2" for a text), and no control characters or undecodable bytes in a text ({@code %00}, {@code %FF}).
 * Refused by name as invalid input before the handler runs; numbers are checked where they are converted
 * ({@link StrictNumbers}).
 */
final class StrictQueryParameters implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !StrictJsonConverter.isApiController(method.getBeanType())) {
            return true;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (MethodParameter p : method.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param == null || Collection.class.isAssignableFrom(p.getParameterType()) || p.getParameterType().isArray()) {
                continue;
            }
            String name = param.name().isEmpty() ? param.value().isEmpty() ? p.getParameterName() : param.value() : param.name();
            String[] values = name == null ? null : request.getParameterValues(name);
            if (values == null) {
                continue;
            }
            if (values.length > 1) {
                errors.put(name, "given " + values.length + " times; give it once");
            } else if (values[0].chars().anyMatch(c -> Character.isISOControl(c) || c == '\uFFFD')) {
                errors.put(name, "contains a control character or bytes that are not UTF-8");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return true;
    }
}
