package org.dataembassy.portal.workflow.internal;

import java.util.Set;

/**
 * Who may see a process instance's page: administrators and auditors always; a role that takes part in the process
 * (a candidate group of one of its user tasks, e.g. LEGAL_OFFICER); the data owner who asked for it. Nobody
 * else.
 */
public final class ProcessAccess {

    private ProcessAccess() {
    }

    /**
     * @param roles              the caller's role names
     * @param username           the caller
     * @param participatingRoles the roles taking part in the process
     * @param owner              who asked for what the process is about; null if unknown
     */
    public static boolean maySee(Set<String> roles, String username, Set<String> participatingRoles, String owner) {
        if (roles.contains("ADMIN") || roles.contains("AUDITOR")) {
            return true;
        }
        // Data owners take part as owners of their own requests only, never through a role.
        if (roles.stream().filter(r -> !r.equals("DATA_OWNER")).anyMatch(participatingRoles::contains)) {
            return true;
        }
        return roles.contains("DATA_OWNER") && owner != null && owner.equals(username);
    }
}
