package org.dataembassy.portal.jurisdiction.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.jurisdiction.EventKind;
import org.dataembassy.portal.jurisdiction.JurisdictionEventReport;

/**
 * What a reported event must say before a review starts: its kind (not the schedule's), a description of 10 to
 * 2,000 characters, a site among the host state's embassy sites (or none), and a period whose first day lies within
 * the last 50 years and the next one and whose last day is not before it. Each failure is a message by field.
 */
public final class EventReportChecks {

    /** The report as the review records it: the description stripped, the site or null, the first day. */
    public record Checked(String description, String site, LocalDate since) {
    }

    private EventReportChecks() {
    }

    /**
     * Checks the report's own fields into {@code errors}.
     *
     * @param hostSites the embassy sites in the host state of the agreement; null when the agreement is not known,
     *                  so the site cannot be judged
     */
    public static Checked check(JurisdictionEventReport report, String agreementKey, String hostState,
                                List<String> hostSites, LocalDate today, Map<String, String> errors) {
        if (report.kind() == null) {
            errors.put("kind", "Choose what happened");
        } else if (report.kind() == EventKind.PERIODIC) {
            errors.put("kind", "Periodic reviews are started by the schedule; choose the kind of event");
        }
        String description = report.description() == null ? "" : report.description().strip();
        if (description.length() < 10) {
            errors.put("description", description.isEmpty() ? "Describe the event" : "At least 10 characters");
        } else if (description.length() > 2000) {
            errors.put("description", "At most 2,000 characters");
        }
        String site = report.site() == null || report.site().isBlank() ? null : report.site().strip();
        if (site != null && hostSites != null && !hostSites.contains(site)) {
            errors.put("site", site + " is not an embassy site in " + hostState + ", the host state of "
                    + agreementKey + " (choose one of " + hostSites + " or none)");
        }
        LocalDate since = report.since() == null ? today : report.since();
        if (report.until() != null && report.until().isBefore(since)) {
            errors.put("until", "The last day (" + report.until() + ") lies before the first (" + since + ")");
        }
        if (since.isAfter(today.plusYears(1)) || since.isBefore(today.minusYears(50))) {
            errors.put("since", "A day within the last 50 years and the next one");
        }
        return new Checked(description, site, since);
    }
}
