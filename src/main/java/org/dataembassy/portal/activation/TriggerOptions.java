package org.dataembassy.portal.activation;

import java.util.List;
import java.util.Map;
import org.dataembassy.portal.agreements.ActivationTerms;

/**
 * What the trigger form offers: agreements with activation terms, embassy sites, known declarations, the
 * committee roster (member → treaty role) and whether a key ceremony was held (then approvals carry shares).
 */
public record TriggerOptions(List<ActivationTerms> agreements, List<String> embassySites, List<String> declarations,
                             Map<String, String> committee, boolean ceremonyHeld) {
}
