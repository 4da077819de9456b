package org.dataembassy.portal.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.NewAgreement;

/**
 * Agreements of a test's own (fresh suffix), created through the real registry with two demo legal officers,
 * so tests sharing one Spring context never change the seeds.
 */
public final class TestAgreements {

    public static final String AUTHOR = "lola";
    public static final String REVIEWER = "leo";

    private TestAgreements() {
    }

    public static String suffix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    /** Terms put in force since 2020 (signed 2019) with these classifications (JSON strings, comma separated). */
    public static String inForce(String terms, String classifications) {
        return terms.replace("\"status\" : \"DRAFT\"", "\"status\" : \"IN_FORCE\"")
                .replace("\"signed\" : null", "\"signed\" : \"2019-05-01\"")
                .replace("\"in_force_from\" : null", "\"in_force_from\" : \"2020-01-01\"")
                .replace("\"from\" : null", "\"from\" : \"2020-01-01\"")
                .replaceFirst("\"permitted_classifications\" : \\[[^\\]]*\\]",
                        "\"permitted_classifications\" : [ " + classifications + " ]");
    }

    /** A new agreement from EE to {@code host}, in force, published as v1 after review. */
    public static AgreementVersion publishedInForce(AgreementRegistry registry, String host, String classifications) {
        return publishedInForce(registry, host, classifications, null);
    }

    /**
     * The same covering the sites given as the terms' JSON array ({@code [{"id": …, "state": …, "role": "origin"|
     * "embassy"}, …]}); null keeps the new agreement's empty list.
     */
    public static AgreementVersion publishedInForce(AgreementRegistry registry, String host, String classifications,
                                                    String sitesJson) {
        String suffix = suffix();
        AgreementVersion v1 = As.user(AUTHOR, "LEGAL_OFFICER", () -> registry.create(
                NewAgreement.fromTemplate("ee_lu", "EE", host, "Test agreement " + suffix, "test", suffix)));
        String key = v1.agreementKey();
        As.run(AUTHOR, "LEGAL_OFFICER", () -> {
            String base = inForce(v1.termsJson(), classifications);
            String terms = sitesJson == null ? base : base.replace("\"sites\" : [ ]", "\"sites\" : " + sitesJson);
            registry.save(key, 1, new DraftContent(terms, v1.regoSource(),
                    v1.testsSource(), "in force since 2020"));
            registry.submit(key, 1);
        });
        As.run(REVIEWER, "LEGAL_OFFICER", () -> registry.approve(key, 1, "matches the treaty"));
        As.run(AUTHOR, "LEGAL_OFFICER", () -> registry.publish(key, 1));
        return As.user(AUTHOR, "LEGAL_OFFICER", () -> registry.version(key, 1));
    }

    /**
     * A fictional agreement of policies-test/ ({@code xa_xb} …) published as v1 of a new agreement of schema_version 2
     * between {@code originating} and {@code host}: its user-assigned codes (the terms' own parties) become these.
     */
    public static AgreementVersion publishedFictional(AgreementRegistry registry, String fictional, String originating,
                                                      String host) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode data = json.readTree(Files.readString(
                    Path.of("policies-test/dataembassy/agreements", fictional, "data.json")));
            String from = data.at("/terms/parties/originating_state").asText();
            String to = data.at("/terms/parties/host_state").asText();
            String suffix = suffix();
            AgreementVersion v1 = As.user(AUTHOR, "LEGAL_OFFICER", () -> registry.create(new NewAgreement(originating,
                    host, "Fictional " + fictional + " " + suffix, "fictional", suffix, 2)));
            String key = v1.agreementKey();
            String terms = data.get("terms").toPrettyString()
                    .replace("\"" + from + "\"", "\"" + originating + "\"").replace("\"" + to + "\"", "\"" + host + "\"")
                    .replace("\"id\" : \"" + fictional.replace('_', '-') + "\"", "\"id\" : \"" + key.replace('_', '-') + "\"");
            As.run(AUTHOR, "LEGAL_OFFICER", () -> {
                registry.save(key, 1, new DraftContent(terms, v1.regoSource(), v1.testsSource(), "the treaty's clauses"));
                registry.submit(key, 1);
            });
            As.run(REVIEWER, "LEGAL_OFFICER", () -> registry.approve(key, 1, "matches the treaty"));
            As.run(AUTHOR, "LEGAL_OFFICER", () -> registry.publish(key, 1));
            return As.user(AUTHOR, "LEGAL_OFFICER", () -> registry.version(key, 1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
