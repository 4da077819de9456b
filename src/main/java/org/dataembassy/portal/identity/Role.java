package org.dataembassy.portal.identity;

/**
 * The portal's roles. Spring Security authorities are {@code ROLE_<name>}.
 * {@link #SYSTEM} is held only by the portal's own background work (workflow jobs), never by a person.
 */
public enum Role {
    LEGAL_OFFICER,
    DATA_OWNER,
    EMERGENCY_COMMITTEE,
    SECURITY_OFFICER,
    AUDITOR,
    ADMIN,
    SYSTEM;

    /** Role names as constants, for {@code @RolesAllowed} and {@code @PreAuthorize}. */
    public static final class Names {
        public static final String LEGAL_OFFICER = "LEGAL_OFFICER";
        public static final String DATA_OWNER = "DATA_OWNER";
        public static final String EMERGENCY_COMMITTEE = "EMERGENCY_COMMITTEE";
        public static final String SECURITY_OFFICER = "SECURITY_OFFICER";
        public static final String AUDITOR = "AUDITOR";
        public static final String ADMIN = "ADMIN";
        public static final String SYSTEM = "SYSTEM";

        private Names() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
