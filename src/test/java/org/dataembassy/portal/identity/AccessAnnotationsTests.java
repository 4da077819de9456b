package org.dataembassy.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.util.ClassUtils;

/** "Every view and every public service method says who may use it", checked over the whole code base. */
class AccessAnnotationsTests {

    private static List<Class<?>> annotatedWith(Class<? extends Annotation> annotation) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(annotation));
        List<Class<?>> classes = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("org.dataembassy.portal")) {
            classes.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
        }
        return classes;
    }

    @Test
    void everyRouteDeclaresWhoMayOpenIt() {
        List<Class<?>> routes = annotatedWith(Route.class);
        assertThat(routes).hasSizeGreaterThan(8);
        assertThat(routes).allSatisfy(view -> assertThat(view.isAnnotationPresent(RolesAllowed.class)
                || view.isAnnotationPresent(PermitAll.class) || view.isAnnotationPresent(AnonymousAllowed.class)
                || view.isAnnotationPresent(DenyAll.class)).as(view.getName()).isTrue());
    }

    @Test
    void onlyTheLoginPageIsOpenToAnonymousVisitors() {
        assertThat(annotatedWith(Route.class)).filteredOn(v -> v.isAnnotationPresent(AnonymousAllowed.class))
                .extracting(Class::getSimpleName).containsExactly("LoginView");
    }

    @Test
    void everyPublicServiceMethodDeclaresWhoMayCallIt() {
        List<Class<?>> services = annotatedWith(Service.class);
        assertThat(services).hasSizeGreaterThan(5);
        List<String> unguarded = new ArrayList<>();
        for (Class<?> service : services) {
            for (Method method : service.getDeclaredMethods()) {
                boolean publicInstance = Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers());
                if (publicInstance && !method.isSynthetic() && !method.isAnnotationPresent(PreAuthorize.class)
                        && !service.isAnnotationPresent(PreAuthorize.class)) {
                    unguarded.add(service.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(unguarded).isEmpty();
    }
}
