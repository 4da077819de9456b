package org.dataembassy.portal.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Puts the policy bundle carried in the jar (classpath {@code policies/}) into a folder OPA can load. */
final class BundleFolder {

    private BundleFolder() {
    }

    static Path extractFromClasspath(Path target) {
        try {
            if (Files.exists(target)) {
                try (Stream<Path> old = Files.walk(target)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(target);
            var resolver = new PathMatchingResourcePatternResolver();
            Resource root = resolver.getResource("classpath:policies/.manifest");
            if (!root.exists()) {
                throw new IllegalStateException("the policy bundle (policies/.manifest) is not on the classpath");
            }
            String rootUrl = root.getURL().toString();
            String prefix = rootUrl.substring(0, rootUrl.length() - ".manifest".length());
            for (Resource resource : resolver.getResources("classpath*:policies/**")) {
                String url = resource.getURL().toString();
                if (!url.startsWith(prefix) || url.endsWith("/") || !resource.isReadable()) {
                    continue;
                }
                Path file = target.resolve(url.substring(prefix.length())).normalize();
                if (!file.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = resource.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the policy bundle to " + target, e);
        }
    }
}
