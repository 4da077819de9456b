/**
 * The duties agreements impose, tracked: what the treaty rules' duties entry point says is owed (periodic audits and
 * reviews, evacuation after termination, notices), recorded with its due instant, fulfilled by a legal officer with
 * evidence, and breached (audited) when its due instant passes unfulfilled.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "activation", "agreements", "identity", "jurisdiction", "policy", "shared", "shell"
})
package org.dataembassy.portal.obligations;
