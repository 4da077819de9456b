package org.dataembassy.portal.agreements;

import java.util.List;
import org.dataembassy.portal.agreements.internal.AgreementStore;
import org.dataembassy.portal.agreements.internal.JurisdictionMeasures;
import org.dataembassy.portal.agreements.internal.TermsJson;
import org.dataembassy.portal.agreements.internal.VersionGuard;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the agreement registry: every agreement and every version of it (legal officers, auditors, admins), and the
 * standing of every published agreement (also the system). The lifecycle shown is the one in force on the day of the
 * read (for terms of schema_version 2, from their dated history), not the one when a version was saved.
 */
@Service
public class AgreementCatalog {

    private final AgreementStore store;
    private final VersionGuard guard;

    AgreementCatalog(AgreementStore store, VersionGuard guard) {
        this.store = store;
        this.guard = guard;
    }

    /** Every agreement, by key, with its published (else latest) version's title and lifecycle. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<AgreementOverview> agreements() {
        return store.overviews();
    }

    /** Every version of an agreement, newest first; {@link UnknownAgreementException} for an unknown key. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public List<AgreementVersion> versions(String key) {
        guard.requireAgreement(key);
        return store.versions(key);
    }

    /** One version; {@link UnknownAgreementException} when the agreement or the version does not exist. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN')")
    @Transactional(readOnly = true)
    public AgreementVersion version(String key, int version) {
        return guard.requireVersion(key, version);
    }

    /** Every agreement with a published version, as OPA runs it now, with the lifecycle in force today. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'AUDITOR', 'ADMIN', 'SYSTEM')")
    @Transactional(readOnly = true)
    public List<AgreementStanding> standings() {
        return store.published().stream().map(v -> {
            TermsJson.Parties parties = TermsJson.parties(v.termsJson());
            return new AgreementStanding(v.agreementKey(), v.agreementKey().replace('_', '-'), parties.originating(),
                    parties.host(), v.lifecycle(), JurisdictionMeasures.restricted(v.termsJson()), v.version(),
                    v.publishedAt());
        }).toList();
    }
}
