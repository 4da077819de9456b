package org.dataembassy.portal.api.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.dataembassy.portal.api.ApiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

/**
 * Spring MVC for {@code /api/**}: the strict JSON reader as the first message converter (it reads for
 * {@code @ApiController}s only, so Spring Boot's ObjectMapper stays as it is for everything else), the API's
 * exception resolver right after the {@code @ExceptionHandler} methods, the no-body check and the 404 for unmapped
 * API paths.
 */
@Configuration
class ApiWebConfiguration implements WebMvcConfigurer {

    private final StrictJsonConverter strictJson;

    ApiWebConfiguration(ObjectMapper json, ApiProperties properties) {
        this.strictJson = new StrictJsonConverter(new StrictJsonReader(json, (int) properties.maxBodySize().toBytes()));
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.add(0, strictJson);
    }

    @Override
    public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
        int handlers = 0;
        for (int i = 0; i < resolvers.size(); i++) {
            if (resolvers.get(i) instanceof ExceptionHandlerExceptionResolver) {
                handlers = i + 1;
            }
        }
        resolvers.add(handlers, new ApiExceptionResolver());
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new NoBodyInterceptor()).addPathPatterns("/api", "/api/**");
        registry.addInterceptor(new StrictQueryParameters()).addPathPatterns("/api", "/api/**");
    }

    @Bean
    ApiNotFoundMapping apiNotFoundMapping() {
        return new ApiNotFoundMapping();
    }
}
