package org.dataembassy.portal.api.internal;

import java.io.IOException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.dataembassy.portal.api.ApiController;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.GenericHttpMessageConverter;
import org.springframework.util.ClassUtils;

/**
 * The message converter of the API: placed first, it reads the JSON request bodies of {@link ApiController}
 * handlers only (strictly, through {@link StrictJsonReader}) and never writes. Everything else — other
 * controllers (OPA's status reports, the actuator), every response — keeps Spring Boot's converters and
 * ObjectMapper unchanged, so the UI, Camunda's REST API and the actuator are not affected.
 */
final class StrictJsonConverter implements GenericHttpMessageConverter<Object> {

    private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));

    private final StrictJsonReader reader;
    private final Map<Class<?>, Boolean> apiControllers = new ConcurrentHashMap<>();

    StrictJsonConverter(StrictJsonReader reader) {
        this.reader = reader;
    }

    static boolean isApiController(Class<?> type) {
        return type != null && AnnotatedElementUtils.hasAnnotation(ClassUtils.getUserClass(type), ApiController.class);
    }

    @Override
    public boolean canRead(Type type, Class<?> contextClass, MediaType mediaType) {
        return contextClass != null && apiControllers.computeIfAbsent(contextClass, StrictJsonConverter::isApiController)
                && isJson(mediaType);
    }

    private static boolean isJson(MediaType mediaType) {
        return mediaType == null || JSON.stream().anyMatch(json -> json.includes(mediaType));
    }

    @Override
    public boolean canRead(Class<?> clazz, MediaType mediaType) {
        return false; // without the controller's class it cannot tell an API handler from another one
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
        return reader.read(type, input);
    }

    @Override
    public Object read(Class<?> clazz, HttpInputMessage input) throws IOException {
        return reader.read(clazz, input);
    }

    @Override
    public boolean canWrite(Type type, Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public boolean canWrite(Class<?> clazz, MediaType mediaType) {
        return false;
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return JSON;
    }

    @Override
    public void write(Object value, Type type, MediaType contentType, HttpOutputMessage output) {
        throw new UnsupportedOperationException("the strict API reader never writes");
    }

    @Override
    public void write(Object value, MediaType contentType, HttpOutputMessage output) {
        throw new UnsupportedOperationException("the strict API reader never writes");
    }
}
