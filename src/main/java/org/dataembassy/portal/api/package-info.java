/**
 * The REST API's common ground for every controller under {@code /api/**}, whatever module it belongs to:
 * {@link org.dataembassy.portal.api.ApiController} marks a controller as part of the API (strict JSON reading,
 * strict numbers in paths and query parameters), {@link org.dataembassy.portal.api.ProblemType} lists the stable
 * problem types, {@link org.dataembassy.portal.api.Problems} builds and writes RFC 9457 problem+json. The
 * internals answer every error under {@code /api/**} as problem+json, including those raised before a controller
 * (no handler, wrong method, Tomcat's limits) and bound request bodies ({@link org.dataembassy.portal.api.ApiProperties}).
 * Contract: docs/api.md.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared"
})
package org.dataembassy.portal.api;
