package org.dataembassy.portal.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dataembassy.portal.agreements.internal.AgreementStore;
import org.dataembassy.portal.shared.TreatyPeriod;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the terms of the agreements as published (the version OPA runs), for workflows that need a number
 * from them before asking the rules, such as the activation quorum. Decisions stay with OPA.
 */
@Service
public class AgreementTerms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgreementStore store;

    AgreementTerms(AgreementStore store) {
        this.store = store;
    }

    /** Activation terms of every published agreement, by key. Any signed-in user (they hold nothing secret). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<ActivationTerms> activationTerms() {
        List<ActivationTerms> all = new ArrayList<>();
        for (AgreementVersion v : store.published()) {
            parse(v).ifPresent(all::add);
        }
        return all;
    }

    /** Activation terms of one published agreement; empty when unknown, unpublished or without such terms. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public Optional<ActivationTerms> activationTerms(String key) {
        return store.published().stream().filter(v -> v.agreementKey().equals(key)).findFirst().flatMap(AgreementTerms::parse);
    }

    private static Optional<ActivationTerms> parse(AgreementVersion version) {
        try {
            JsonNode t = JSON.readTree(version.termsJson());
            if (t.path("schema_version").asInt(1) == 2) {
                return parseV2(version.agreementKey(), t);
            }
            JsonNode a = t.path("activation");
            if (!a.path("quorum").path("m").isInt() || !a.path("quorum").path("n").isInt()) {
                return Optional.empty();
            }
            JsonNode notice = t.path("notification");
            int hours = notice.path("activation_notice_hours").isInt() ? notice.path("activation_notice_hours").asInt()
                    : notice.path("incident_hours").asInt(24);
            List<String> embassies = new ArrayList<>();
            t.path("sites").forEach(s -> {
                if ("embassy".equals(s.path("role").asText())) {
                    embassies.add(s.path("id").asText());
                }
            });
            return Optional.of(new ActivationTerms(version.agreementKey(), t.path("id").asText(),
                    t.path("parties").path("host_state").asText(), a.path("quorum").path("m").asInt(),
                    a.path("quorum").path("n").asInt(), texts(a.path("may_trigger")), texts(a.path("approver_roles")),
                    texts(a.path("required_declarations")), hours, embassies));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Terms of schema_version 2: the approvers and quorum of {@code clauses.activation}, the declarations its grounds
     * name (any of which the trigger may make; the rules judge the combination), the notice period when the notice is
     * owed in hours, and the embassy sites of {@code sites.list}.
     */
    private static Optional<ActivationTerms> parseV2(String key, JsonNode t) {
        JsonNode a = t.path("clauses").path("activation");
        JsonNode quorum = a.path("approvers").path("quorum");
        if (!quorum.path("m").isInt() || !quorum.path("n").isInt()) {
            return Optional.empty();
        }
        List<String> declarations = new ArrayList<>();
        a.path("grounds").findValues("declared").forEach(d -> {
            if (!declarations.contains(d.asText())) {
                declarations.add(d.asText());
            }
        });
        List<String> embassies = new ArrayList<>();
        t.path("sites").path("list").forEach(s -> {
            if ("embassy".equals(s.path("role").asText())) {
                embassies.add(s.path("id").asText());
            }
        });
        return Optional.of(new ActivationTerms(key, t.path("id").asText(), t.path("parties").path("host_state").asText(),
                quorum.path("m").asInt(), quorum.path("n").asInt(), texts(a.path("may_trigger")),
                texts(a.path("approvers").path("roles")), declarations, noticeHours(a.path("host_notice")), embassies));
    }

    /**
     * Hours of a notice period in weeks, days and hours (PT24H, P2D, P1W, P1DT12H: what the terms validators accept);
     * 24 when the terms state none (schema_version 1 states hours directly).
     */
    static int noticeHours(JsonNode notice) {
        return TreatyPeriod.parse(notice.path("within").asText(null))
                .filter(TreatyPeriod::inWeeksDaysAndHours)
                .map(TreatyPeriod::wholeHours)
                .orElse(24);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
