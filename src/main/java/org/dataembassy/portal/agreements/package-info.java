/** Bilateral agreements and their treaty rules. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "api", "identity", "policy", "shared", "shell"
})
package org.dataembassy.portal.agreements;
