package org.dataembassy.portal.identity;

import java.time.Instant;

/**
 * Authentication details saying when the person last proved who they are, for sign-ins without an ID token or
 * an HTTP session (system accounts, service-level tests). Set only by server-side code, never from a request.
 */
public record AuthenticationTime(Instant at) {
}
