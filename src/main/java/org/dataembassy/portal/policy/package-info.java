/** The OPA adapter: decisions, the supervised OPA process, decision records. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "identity", "shared"
})
package org.dataembassy.portal.policy;
