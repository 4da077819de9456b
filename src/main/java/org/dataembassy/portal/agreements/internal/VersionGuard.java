package org.dataembassy.portal.agreements.internal;

import java.util.Map;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.FourEyesException;
import org.dataembassy.portal.agreements.UnknownAgreementException;
import org.dataembassy.portal.agreements.VersionStateException;
import org.dataembassy.portal.agreements.VersionStatus;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.policy.AccessRefusedException;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The registry services' shared preconditions: the agreement and version exist, a draft is the caller's to change
 * (asked of the authorization policy), content is complete and within limits. No role check here: the services'
 * {@code @PreAuthorize} refuse before any of this runs.
 */
@Component
public class VersionGuard {

    private final AgreementStore store;
    private final AccessPolicy access;

    VersionGuard(AgreementStore store, AccessPolicy access) {
        this.store = store;
        this.access = access;
    }

    public void requireAgreement(String key) {
        if (key == null || !AgreementFiles.isKey(key) || !store.exists(key)) {
            throw new UnknownAgreementException(key);
        }
    }

    public AgreementVersion requireVersion(String key, int version) {
        requireAgreement(key);
        return store.version(key, version).orElseThrow(() -> new UnknownAgreementException(key + " v" + version));
    }

    /** A draft the caller may edit (the policy's {@code agreement.version.edit}: its author). */
    public void requireDraftOf(AgreementVersion v) {
        if (v.status() != VersionStatus.DRAFT) {
            throw new VersionStateException(v.label() + " is " + v.status() + "; only a draft can change"
                    + " (start a new draft from it)");
        }
        authorize("agreement.version.edit", v.agreementKey(), v);
    }

    /** Asks the authorization policy; its four-eyes refusals become FourEyesException (403 "Four-eyes rule"). */
    public void authorize(String action, String key, AgreementVersion v) {
        try {
            access.require(action, "agreement:" + key + " " + v.label(), Map.of("author", v.author()));
        } catch (AccessRefusedException e) {
            if (e.decision().refusedFor("FOUR_EYES") || e.decision().refusedFor("NOT_THE_AUTHOR")) {
                throw new FourEyesException(e.decision().message());
            }
            throw e;
        }
    }

    /** Re-checked in the short transaction that records a change, after OPA's checks ran outside it. */
    public static void requireStillDraft(AgreementVersion v) {
        if (v.status() != VersionStatus.DRAFT) {
            throw new VersionStateException(v.label() + " became " + v.status() + " while it was being checked");
        }
    }

    /** Validated here, after the caller's role was checked, so nobody learns anything from a malformed request. */
    public static void requireComplete(DraftContent content) {
        if (content == null || content.termsJson() == null || content.regoSource() == null
                || content.testsSource() == null) {
            throw InvalidInputException.of("body", "termsJson, regoSource and testsSource are required");
        }
        RegistryLimits.requireDraft(content);
    }
}
