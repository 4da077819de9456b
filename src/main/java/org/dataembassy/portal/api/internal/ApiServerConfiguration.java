package org.dataembassy.portal.api.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.dataembassy.portal.api.ApiProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.filter.OrderedFormContentFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The servlet container's side of {@code /api/**}: the body limit before everything else, problem+json for error
 * dispatches, firewall rejections and Tomcat's own refusals ({@link ApiTomcatCustomizer}), and no form parsing.
 */
@Configuration
class ApiServerConfiguration {

    @Bean
    FilterRegistrationBean<BodyLimitFilter> apiBodyLimit(ApiProperties properties) {
        FilterRegistrationBean<BodyLimitFilter> registration =
                new FilterRegistrationBean<>(new BodyLimitFilter((int) properties.maxBodySize().toBytes()));
        registration.addUrlPatterns("/api/*");
        // before form parsing (-9900) and Spring Security (-100): an oversized body is never read
        registration.setOrder(OrderedFormContentFilter.DEFAULT_ORDER - 50);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ErrorDispatchFilter> apiErrorDispatch() {
        FilterRegistrationBean<ErrorDispatchFilter> registration = new FilterRegistrationBean<>(new ErrorDispatchFilter());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    RequestRejectedHandler apiRejectedRequests() {
        return new RejectedRequests();
    }

    /**
     * Spring Boot's form filter parses {@code application/x-www-form-urlencoded} bodies of PUT, PATCH and DELETE
     * before anything else and fails with a 500 on a bad percent-escape; the API takes JSON only, so its requests
     * skip it and get a 415 instead. Every other path keeps it (it replaces Boot's own, which backs off).
     */
    @Bean
    OrderedFormContentFilter apiAwareFormContentFilter() {
        return new OrderedFormContentFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return ApiPaths.isApi(request);
            }
        };
    }

    @Bean
    ApiTomcatCustomizer apiTomcatCustomizer() {
        return new ApiTomcatCustomizer();
    }
}
