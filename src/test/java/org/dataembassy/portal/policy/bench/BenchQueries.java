package org.dataembassy.portal.policy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dataembassy.portal.policy.PolicyQuery;

/**
 * Onboarding and transfer queries spread over every agreement of a policy folder, in a fixed interleaved
 * order (agreement 1 variant 1, agreement 2 variant 1, …) so consecutive calls hit different agreements and
 * the outcomes mix allow, review and deny.
 */
final class BenchQueries {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Dataset variants: allowed on most agreements, personal data (review), a register (review or deny). */
    private static final List<Map<String, Object>> DATASETS = List.of(
            Map.of("classification", "INTERNAL", "personal_data", false, "register", ""),
            Map.of("classification", "CONFIDENTIAL", "personal_data", true, "register", ""),
            Map.of("classification", "RESTRICTED", "personal_data", true, "register", "land"));

    /** Every query states its decision time, as the portal's own do: the rules read no clock. */
    private static final String AT = "2026-03-01T00:00:00Z";

    /** An agreement of the folder; {@code schemaVersion} 2 for terms written in the clause vocabulary. */
    record Agreement(String key, String origin, String host, String originSite, String embassySite, int schemaVersion) {
    }

    private BenchQueries() {
    }

    static List<Agreement> agreements(Path policyFolder) {
        Path root = policyFolder.resolve("dataembassy").resolve("agreements");
        try (Stream<Path> dirs = Files.list(root)) {
            List<Agreement> found = new ArrayList<>();
            for (Path dir : dirs.sorted().toList()) {
                Path data = dir.resolve("data.json");
                if (!Files.isRegularFile(data)) {
                    continue;
                }
                JsonNode terms = JSON.readTree(data.toFile()).path("terms");
                String origin = terms.path("parties").path("originating_state").asText();
                int version = terms.path("schema_version").asInt(1);
                String originSite = "";
                String embassySite = "";
                for (JsonNode site : version == 2 ? terms.path("sites").path("list") : terms.path("sites")) {
                    boolean origins = version == 2 ? site.path("role").asText().equals("origin")
                            : site.path("state").asText().equals(origin);
                    if (origins && originSite.isEmpty()) {
                        originSite = site.path("id").asText();
                    } else if (!origins && embassySite.isEmpty()) {
                        embassySite = site.path("id").asText();
                    }
                }
                found.add(new Agreement(dir.getFileName().toString(), origin,
                        terms.path("parties").path("host_state").asText(), originSite, embassySite, version));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agreements of " + policyFolder, e);
        }
    }

    static List<PolicyQuery> onboarding(List<Agreement> agreements) {
        List<PolicyQuery> queries = new ArrayList<>();
        for (Map<String, Object> dataset : DATASETS) {
            for (Agreement a : agreements) {
                queries.add(new PolicyQuery("dataembassy/onboarding", "bench:onboarding:" + a.key(),
                        Map.of("agreement", a.key(), "at", AT, "dataset", dataset)));
            }
        }
        return queries;
    }

    static List<PolicyQuery> transfer(List<Agreement> agreements) {
        List<PolicyQuery> queries = new ArrayList<>();
        for (Map<String, Object> dataset : DATASETS) {
            for (Agreement a : agreements) {
                Map<String, Object> transfer = Map.of("from_site", a.originSite(), "to_site", a.embassySite(),
                        "purpose", "replication", "recipient_state", a.origin());
                queries.add(new PolicyQuery("dataembassy/transfer", "bench:transfer:" + a.key(),
                        Map.of("agreement", a.key(), "at", AT, "dataset", dataset, "transfer", transfer)));
            }
        }
        return queries;
    }
}
