package org.dataembassy.portal.replication.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.dataembassy.portal.replication.SiteUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SiteStore contract against a real S3-compatible server on loopback. */
class S3SiteStoreIT extends SiteStoreContract {
    private static S3TestServer server;
    private static int buckets;

    @BeforeAll
    static void startServer() throws Exception {
        server = S3TestServer.startIn(Files.createTempDirectory("s3it"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.stop();
    }

    @Override
    protected SiteStore store() {
        S3SiteStore s = new S3SiteStore("s3", server.config("contract-" + (buckets++), 2, Duration.ofSeconds(5)));
        s.ensureBucket();
        return s;
    }

    @Test
    void keepsObjectsOfDifferentPrefixesApart() {
        // given
        S3SiteConfig c = server.config("prefixed", 2, Duration.ofSeconds(5));
        S3SiteStore one = new S3SiteStore("one", new S3SiteConfig(c.endpoint(), c.region(), c.bucket(), "one", c.accessKey(), c.secretKey(), true, 2, c.attemptTimeout()));
        S3SiteStore two = new S3SiteStore("two", new S3SiteConfig(c.endpoint(), c.region(), c.bucket(), "two/", c.accessKey(), c.secretKey(), true, 2, c.attemptTimeout()));
        one.ensureBucket();
        // when
        one.put("x/obj", new byte[] {1});
        two.put("x/obj", new byte[] {2});
        // then
        assertThat(one.list("x/")).containsExactly("x/obj");
        assertThat(one.get("x/obj")).containsExactly(1);
        assertThat(two.get("x/obj")).containsExactly(2);
    }

    @Test
    void failsWithATypedErrorWhenTheServerIsUnreachable() throws Exception {
        // given: nothing listens on this port
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        S3SiteStore dead = new S3SiteStore("dead", new S3SiteConfig(URI.create("http://127.0.0.1:" + port), null, "b", "",
                "k", "s", true, 3, Duration.ofSeconds(1)));
        // when / then
        assertThatThrownBy(() -> dead.put("a/b", new byte[] {1}))
                .isInstanceOf(SiteUnavailableException.class).hasMessageContaining("dead:").hasMessageContaining("3 attempts");
    }

}
