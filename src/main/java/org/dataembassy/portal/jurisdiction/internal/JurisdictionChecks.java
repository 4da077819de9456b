package org.dataembassy.portal.jurisdiction.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataembassy.portal.jurisdiction.EventKind;

/**
 * The questions a jurisdiction review puts to the treaty's jurisdiction rules ({@code dataembassy/jurisdiction}):
 * first whether the agreement still holds for the originating state's own cleared personnel (it does only while
 * in force), then the requests the event makes likely — a site incident: the host state's emergency entry; a
 * court order: an order of the host state's courts and execution against the data; a change of government or a
 * new law: access, requisition, search and disclosure of the location by the host state.
 */
public final class JurisdictionChecks {

    /** One question: what it asks in words, and the {@code request} part of the decision input. */
    public record Check(String question, Map<String, Object> request) {
    }

    private JurisdictionChecks() {
    }

    public static List<Check> forEvent(EventKind kind, String originating, String host) {
        List<Check> checks = new ArrayList<>();
        checks.add(new Check("The originating state's cleared personnel reach the data (is the agreement in force?)",
                request("access", originating, "personnel_cleared_by", originating)));
        switch (kind) {
            case SITE_INCIDENT -> {
                checks.add(new Check("Host-state emergency entry to the site without the originating state's consent",
                        request("entry", host, "emergency", "other_emergency")));
                checks.add(new Check("Host-state entry to the site without an emergency", request("entry", host)));
            }
            case COURT_ORDER -> {
                checks.add(new Check("An order of the host state's courts on the embassy data",
                        request("court_order", host, "court_state", host)));
                checks.add(new Check("Execution against the embassy data", request("execution", host)));
            }
            case CHANGE_OF_GOVERNMENT -> {
                checks.add(new Check("Host-state authorities ask for access to the data", request("access", host)));
                checks.add(new Check("The host state requisitions the premises", request("requisition", host)));
            }
            case NEW_LAW -> {
                checks.add(new Check("A search of the premises under the new law", request("search", host)));
                checks.add(new Check("Host-state authorities ask for access to the data", request("access", host)));
                checks.add(new Check("The host state demands the location of the facilities",
                        request("disclose_location", host)));
            }
            case MARTIAL_LAW, STATE_OF_EMERGENCY, ARMED_CONFLICT -> {
                checks.add(new Check("Host-state emergency entry to the site without the originating state's consent",
                        request("entry", host, "emergency", "other_emergency")));
                checks.add(new Check("The host state requisitions the premises", request("requisition", host)));
                checks.add(new Check("Host-state authorities ask for access to the data", request("access", host)));
            }
            case SEVERANCE_OF_RELATIONS -> {
                checks.add(new Check("A search of the premises by the host state", request("search", host)));
                checks.add(new Check("The host state demands the location of the facilities",
                        request("disclose_location", host)));
            }
            case OTHER, PERIODIC -> {
                checks.add(new Check("Host-state authorities ask for access to the data", request("access", host)));
                checks.add(new Check("A search of the premises by the host state", request("search", host)));
                checks.add(new Check("An order of the host state's courts on the embassy data",
                        request("court_order", host, "court_state", host)));
            }
        }
        return checks;
    }

    private static Map<String, Object> request(String kind, String state, String... more) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("kind", kind);
        request.put("requesting_state", state);
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.put(more[i], more[i + 1]);
        }
        return request;
    }
}
