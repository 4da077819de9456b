/** Jurisdiction reviews of host states and their outcomes. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "agreements", "datasets", "identity", "policy", "replication", "shared", "shell", "workflow"
})
package org.dataembassy.portal.jurisdiction;
