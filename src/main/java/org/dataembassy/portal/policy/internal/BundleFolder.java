package org.dataembassy.portal.policy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Puts the policy bundle carried on the classpath ({@code policies/}) into a folder OPA can load. Handles the
 * two shapes the portal runs in: an exploded classpath ({@code target/classes}) and the Spring Boot jar
 * (nested {@code BOOT-INF/classes}). Classpath pattern scanning is avoided on purpose: it silently found
 * nothing inside the nested jar.
 */
final class BundleFolder {

    private static final String ROOT = "policies/";

    private BundleFolder() {
    }

    static Path extractFromClasspath(Path folder) {
        Path target = folder.toAbsolutePath().normalize(); // "./data/..." would fail the inside-the-bundle check
        URL manifest = BundleFolder.class.getClassLoader().getResource(ROOT + ".manifest");
        if (manifest == null) {
            throw new IllegalStateException("the policy bundle (policies/.manifest) is not on the classpath");
        }
        try {
            clean(target);
            String url = manifest.toString();
            if (url.startsWith("file:")) {
                copyTree(Path.of(URI.create(url)).getParent(), target);
            } else {
                JarLocation location = JarLocation.parse(url);
                extractFromJar(location.jar(), location.entryPrefix(), target);
            }
            if (!Files.isRegularFile(target.resolve(".manifest"))) {
                throw new IllegalStateException("extracting the policy bundle from " + url + " produced no .manifest");
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not extract the policy bundle to " + target, e);
        }
    }

    /** Where inside which jar file the {@code policies/} folder is. */
    record JarLocation(Path jar, String entryPrefix) {

        /**
         * Parses {@code jar:nested:/app.jar/!BOOT-INF/classes/!/policies/.manifest} (Spring Boot 3.2+) and
         * {@code jar:file:/app.jar!/policies/.manifest} (a plain jar).
         */
        static JarLocation parse(String manifestUrl) {
            String suffix = ROOT + ".manifest";
            if (!manifestUrl.startsWith("jar:") || !manifestUrl.endsWith(suffix)) {
                throw new IllegalArgumentException("unsupported classpath location: " + manifestUrl);
            }
            String rest = manifestUrl.substring("jar:".length(), manifestUrl.length() - suffix.length());
            if (rest.startsWith("nested:")) {
                int split = rest.indexOf("/!");
                String jar = rest.substring("nested:".length(), split);
                String nested = rest.substring(split + 2).replace("!/", "");
                return new JarLocation(Path.of(decode(jar)), nested + ROOT);
            }
            if (rest.startsWith("file:")) {
                int split = rest.indexOf("!/");
                return new JarLocation(Path.of(URI.create(rest.substring(0, split))), rest.substring(split + 2) + ROOT);
            }
            throw new IllegalArgumentException("unsupported classpath location: " + manifestUrl);
        }

        private static String decode(String path) {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
    }

    static void extractFromJar(Path jar, String entryPrefix, Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.startsWith(entryPrefix)) {
                    continue;
                }
                Path out = target.resolve(name.substring(entryPrefix.length())).normalize();
                if (!out.startsWith(target)) {
                    continue; // never write outside the bundle folder
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path out = target.resolve(source.relativize(file).toString());
                Files.createDirectories(out.getParent());
                Files.copy(file, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static void clean(Path target) throws IOException {
        if (Files.exists(target)) {
            try (Stream<Path> old = Files.walk(target)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(target);
    }
}
