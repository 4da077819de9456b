package org.dataembassy.portal.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxCapabilitiesTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SandboxCapabilities shipped = SandboxCapabilities.load();

    @Test
    void theShippedListRemovesNetworkRuntimeClockAndRandomness() {
        assertThat(shipped.removed()).containsKeys("http.send", "net.lookup_ip_addr", "opa.runtime", "time.now_ns",
                "rand.intn", "uuid.rfc4122", "io.jwt.decode_verify", "crypto.x509.parse_and_verify_certificates");
        // pure builtins stay: parsing a UUID, tracing and printing reach nothing outside the evaluation
        assertThat(shipped.removed()).doesNotContainKeys("uuid.parse", "trace", "print", "internal.print",
                "time.parse_rfc3339_ns", "time.parse_ns", "json.verify_schema");
        assertThat(shipped.removed().values()).allSatisfy(why -> assertThat(why).isNotBlank());
    }

    @Test
    void restrictingDropsTheListedBuiltinsKeepsTheRestAndClosesTheNetwork() throws Exception {
        JsonNode current = JSON.readTree("""
                {"builtins": [{"name": "http.send", "decl": {}}, {"name": "object.get", "decl": {}},
                              {"name": "time.now_ns"}, {"name": "uuid.parse"}],
                 "features": ["rego_v1"], "future_keywords": ["in"], "allow_net": ["example.org"]}
                """);
        JsonNode restricted = shipped.restrict(current);
        List<String> names = new ArrayList<>();
        restricted.path("builtins").forEach(b -> names.add(b.path("name").asText()));
        assertThat(names).containsExactly("object.get", "uuid.parse");
        assertThat(restricted.path("allow_net").isArray()).isTrue();
        assertThat(restricted.path("allow_net")).isEmpty();
        assertThat(restricted.path("features").get(0).asText()).isEqualTo("rego_v1");
        assertThat(restricted.path("future_keywords").get(0).asText()).isEqualTo("in");
        assertThat(current.path("builtins")).hasSize(4); // the input is not changed
    }

    @Test
    void listedBuiltinsTheBinaryLacksAreReported() throws Exception {
        JsonNode current = JSON.readTree("{\"builtins\": [{\"name\": \"http.send\"}]}");
        assertThat(SandboxCapabilities.parse("http.send  network\nnet.lookup_ip_addr  dns\n").unknownTo(current))
                .containsExactly("net.lookup_ip_addr");
    }

    @Test
    void undefinedRemovedBuiltinsAreExplainedOthersAreLeftToOpa() {
        assertThat(shipped.explain("undefined function http.send"))
                .hasValue("http.send is not available in treaty rules: they may not reach the network");
        assertThat(shipped.explain("undefined function opa.runtime")).get().asString()
                .startsWith("opa.runtime is not available in treaty rules: ").contains("environment");
        assertThat(shipped.explain("undefined function time.now_ns")).get().asString().contains("input.at");
        assertThat(shipped.explain("undefined function my.helper")).isEmpty();
        assertThat(shipped.explain("var x is unsafe")).isEmpty();
        assertThat(shipped.explain(null)).isEmpty();
    }

    @Test
    void aMalformedOrDuplicatedLineIsRefused() {
        assertThatThrownBy(() -> SandboxCapabilities.parse("http.send\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.send");
        assertThatThrownBy(() -> SandboxCapabilities.parse("a.b why\na.b again\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> SandboxCapabilities.parse("# only a comment\n"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SandboxCapabilities.parse("# c\n\n  a.b   why it goes  \n").removed()).containsEntry("a.b", "why it goes");
    }
}
