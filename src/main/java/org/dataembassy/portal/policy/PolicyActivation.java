package org.dataembassy.portal.policy;

import java.time.Duration;

/**
 * A published policy tree that OPA reported active.
 *
 * @param revision        the bundle's {@code .manifest} revision
 * @param publishToActive from signing and serving the bundle to OPA reporting the revision active
 */
public record PolicyActivation(String revision, Duration publishToActive) {
}
