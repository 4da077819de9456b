package org.dataembassy.portal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFolderTests {

    @TempDir
    Path tmp;

    @Test
    void findsThePoliciesInsideASpringBootJar() {
        var location = BundleFolder.JarLocation.parse(
                "jar:nested:/opt/portal/app%20v1.jar/!BOOT-INF/classes/!/policies/.manifest");
        assertThat(location.jar()).isEqualTo(Path.of("/opt/portal/app v1.jar"));
        assertThat(location.entryPrefix()).isEqualTo("BOOT-INF/classes/policies/");
    }

    @Test
    void findsThePoliciesInsideAPlainJar() {
        var location = BundleFolder.JarLocation.parse("jar:file:/opt/portal/app.jar!/policies/.manifest");
        assertThat(location.jar()).isEqualTo(Path.of("/opt/portal/app.jar"));
        assertThat(location.entryPrefix()).isEqualTo("policies/");
    }

    @Test
    void extractsEveryFileIncludingDotFilesAndNothingOutsideTheBundle() throws Exception {
        Path jar = tmp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "BOOT-INF/classes/policies/.manifest", "{\"revision\":\"r1\"}");
            put(out, "BOOT-INF/classes/policies/dataembassy/x/x.rego", "package dataembassy.x");
            put(out, "BOOT-INF/classes/policies/dataembassy/x/data.json", "{}");
            put(out, "BOOT-INF/classes/other/secret.txt", "not policy");
        }
        Path target = tmp.resolve("bundle");
        Files.createDirectories(target);
        BundleFolder.extractFromJar(jar, "BOOT-INF/classes/policies/", tmp.resolve("./bundle")); // an unnormalised path, as "./data" gives
        assertThat(target.resolve(".manifest")).hasContent("{\"revision\":\"r1\"}");
        assertThat(target.resolve("dataembassy/x/x.rego")).exists();
        assertThat(target.resolve("dataembassy/x/data.json")).exists();
        try (var files = Files.walk(target)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(3);
        }
    }

    @Test
    void extractsFromTheExplodedClasspathOfTheTests() {
        Path target = BundleFolder.extractFromClasspath(tmp.resolve("from-classpath"));
        assertThat(target.resolve(".manifest")).exists();
        assertThat(target.resolve("dataembassy/onboarding/onboarding.rego")).exists();
    }

    private static void put(JarOutputStream out, String name, String content) throws Exception {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
