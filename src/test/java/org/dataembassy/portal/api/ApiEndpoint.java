package org.dataembassy.portal.api;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * One endpoint of the REST API as Spring MVC maps it at run time (method, pattern, path variables, query
 * parameters, the body type), so a suite built on it covers a new endpoint without being told.
 */
record ApiEndpoint(String method, String pattern, List<Parameter> pathVariables, List<Parameter> queryParameters,
                   Type bodyType, Class<?> controller) {

    /** A path variable or query parameter: its name, its Java type, whether it must be given. */
    record Parameter(String name, Class<?> type, boolean required) {
    }

    String key() {
        return method + " " + pattern;
    }

    boolean takesBody() {
        return bodyType != null;
    }

    /** Every handler method mapped under {@code /api/**}, ordered by pattern and method. */
    static List<ApiEndpoint> all(RequestMappingHandlerMapping mapping) {
        List<ApiEndpoint> endpoints = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.equals("/api") || pattern.startsWith("/api/")) {
                    for (var method : methods(info)) {
                        endpoints.add(of(method, pattern, handler));
                    }
                }
            }
        });
        endpoints.sort(Comparator.comparing(ApiEndpoint::pattern).thenComparing(ApiEndpoint::method));
        return endpoints;
    }

    /** The methods mapped for a pattern by any endpoint (for choosing the methods that are not). */
    static Set<String> methodsOf(List<ApiEndpoint> endpoints, String pattern) {
        Set<String> methods = new TreeSet<>();
        endpoints.stream().filter(e -> e.pattern().equals(pattern)).forEach(e -> methods.add(e.method()));
        return methods;
    }

    private static Set<String> methods(RequestMappingInfo info) {
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(m -> methods.add(m.name()));
        return methods.isEmpty() ? Set.of("GET", "POST", "PUT", "PATCH", "DELETE") : methods;
    }

    private static ApiEndpoint of(String method, String pattern, HandlerMethod handler) {
        List<Parameter> path = new ArrayList<>();
        List<Parameter> query = new ArrayList<>();
        Type body = null;
        for (MethodParameter p : handler.getMethodParameters()) {
            p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            PathVariable variable = p.getParameterAnnotation(PathVariable.class);
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (variable != null) {
                path.add(new Parameter(name(variable.value(), p), p.getParameterType(), variable.required()));
            } else if (param != null) {
                boolean required = param.required() && ValueConstants.DEFAULT_NONE.equals(param.defaultValue());
                query.add(new Parameter(name(param.value(), p), p.getParameterType(), required));
            } else if (p.hasParameterAnnotation(RequestBody.class)) {
                body = p.getGenericParameterType();
            }
        }
        return new ApiEndpoint(method, pattern, path, query, body, handler.getBeanType());
    }

    private static String name(String declared, MethodParameter p) {
        return declared.isEmpty() ? p.getParameterName() : declared;
    }
}
