package org.dataembassy.portal.agreements.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.VersionStatus;
import org.dataembassy.portal.shared.CountryCode;
import org.dataembassy.portal.shell.StatusBadge;

/** A version's title, status, origin, parties by name ("Estonia (EE) → Luxembourg (LU)") and review. */
final class VersionHeader extends VerticalLayout {

    private static final ObjectMapper JSON = new ObjectMapper();

    VersionHeader(AgreementVersion version, boolean editable) {
        setPadding(false);
        setSpacing(false);
        Span status = StatusBadge.of(version.status().name(), StatusBadge.Tone.NEUTRAL, "version-status");
        Span parties = new Span(parties(version.termsJson()));
        parties.setId("version-parties");
        add(new H2(version.title() + " — v" + version.version()),
                new HorizontalLayout(status, new Span(describe(version, editable))), parties);
        if (version.reviewer() != null) {
            Paragraph review = new Paragraph("Review by " + version.reviewer()
                    + (version.reviewComment() == null || version.reviewComment().isBlank() ? "" : ": "
                    + version.reviewComment()));
            review.setId("review");
            add(review);
        }
    }

    private static String describe(AgreementVersion version, boolean editable) {
        StringBuilder text = new StringBuilder(version.kind().name().toLowerCase() + " by " + version.author());
        if (version.basedOn() != null) {
            text.append(", based on v").append(version.basedOn());
        }
        if (version.bundleRevision() != null) {
            text.append(", published as revision ").append(version.bundleRevision());
        }
        if (!editable && version.status() == VersionStatus.DRAFT) {
            text.append(" (read-only: only its author edits a draft)");
        }
        return text.toString();
    }

    /** "Parties: Estonia (EE) → Luxembourg (LU)" as the terms name them; empty when they cannot be read. */
    static String parties(String termsJson) {
        try {
            JsonNode parties = JSON.readTree(termsJson).path("parties");
            String originating = parties.path("originating_state").asText("");
            String host = parties.path("host_state").asText("");
            return originating.isEmpty() && host.isEmpty() ? ""
                    : "Parties: " + CountryCode.label(originating) + " → " + CountryCode.label(host);
        } catch (JsonProcessingException e) { // not JSON: the JSON tab shows why
            return "";
        }
    }
}
