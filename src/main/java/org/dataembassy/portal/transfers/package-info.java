/** Cross-border transfer requests and approval. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "api", "datasets", "identity", "policy", "replication", "shared", "shell", "workflow"
})
package org.dataembassy.portal.transfers;
