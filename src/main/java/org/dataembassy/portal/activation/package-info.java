/** Emergency activation, quorum and stand-down. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "agreements", "datasets", "identity", "policy", "replication", "shared", "shell", "workflow"
})
package org.dataembassy.portal.activation;
