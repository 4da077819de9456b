package org.dataembassy.portal.shared;

/**
 * The content of one audit entry.
 *
 * @param actor   username or system principal that acted, "anonymous" if unknown
 * @param action  stable verb-like code, e.g. {@code LOGIN}, {@code POLICY_DECISION}
 * @param subject what it was about, e.g. {@code onboarding-request:1f3c…}
 * @param outcome e.g. {@code SUCCESS}, {@code FAILURE}, {@code ALLOW}, {@code DENY}
 * @param details free text for the reader; never secrets
 */
public record AuditFact(String actor, String action, String subject, String outcome, String details) {
}
