package org.dataembassy.portal.agreements;

/**
 * An agreement in the registry, as lists show it.
 *
 * @param key              treaty package name and data key, e.g. {@code ee_lu}
 * @param id               what reasons cite, e.g. {@code ee-lu}
 * @param lifecycle        DRAFT, SIGNED, IN_FORCE, SUSPENDED or TERMINATED, as the published version says
 *                         (the latest version's when none is published)
 * @param publishedVersion the version OPA runs; null when none was published
 * @param latestVersion    the highest version number
 * @param openVersions     versions in draft, in review or approved but not yet published
 */
public record AgreementOverview(String key, String id, String title, String originatingState, String hostState,
                                String lifecycle, Integer publishedVersion, int latestVersion, int openVersions) {
}
