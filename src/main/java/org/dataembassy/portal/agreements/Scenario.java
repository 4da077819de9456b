package org.dataembassy.portal.agreements;

import java.util.List;
import org.dataembassy.portal.shared.Classification;

/**
 * A what-if question for the treaty rules, as the try-it panel asks it. Only the fields of the chosen entry
 * point are read; the others may be null. Lists are never null (null becomes empty).
 *
 * @param agreement          agreement key, e.g. {@code ee_lu} (required)
 * @param entryPoint         which decision to ask for (required)
 * @param classification     dataset classification (onboarding, transfer: required)
 * @param personalData       whether the dataset holds personal data (onboarding, transfer)
 * @param register           register held, e.g. {@code population}, or blank (onboarding, transfer)
 * @param fromSite           source site id (transfer: required)
 * @param toSite             destination site id (transfer: required)
 * @param purpose            replication, restore or evacuation (transfer: required)
 * @param recipientState     ISO code of the state receiving the data (transfer)
 * @param requestKind        entry, access, search, … (jurisdiction: required)
 * @param requestingState    ISO code of the requesting state (jurisdiction: required)
 * @param emergency          declared emergency type, e.g. {@code fire}, or blank (jurisdiction)
 * @param consentGiven       whether the originating state's authorised representative consented (jurisdiction)
 * @param notifiedWithinHours hours until the originating state was notified, or null (jurisdiction)
 * @param personnelClearedBy ISO code of the state that cleared the personnel, or blank (jurisdiction)
 * @param triggeredByRole    role of the person triggering an activation (activation: required)
 * @param approverRoles      roles of the distinct approvers, one person each (activation)
 * @param declarations       declarations made, e.g. {@code CRISIS_DECLARED} (activation)
 * @param site               site to activate (activation: required)
 * @param hostStateNotified  whether the host state was notified (activation)
 */
public record Scenario(String agreement, EntryPoint entryPoint, Classification classification, boolean personalData,
        String register, String fromSite, String toSite, String purpose, String recipientState, String requestKind,
        String requestingState, String emergency, boolean consentGiven, Integer notifiedWithinHours,
        String personnelClearedBy, String triggeredByRole, List<String> approverRoles, List<String> declarations,
        String site, boolean hostStateNotified) {

    /** Longest text a scenario field takes (site ids, ISO codes, register names are far shorter). */
    public static final int MAX_TEXT = 100;

    public Scenario {
        approverRoles = approverRoles == null ? List.of() : List.copyOf(approverRoles);
        declarations = declarations == null ? List.of() : List.copyOf(declarations);
    }
}
