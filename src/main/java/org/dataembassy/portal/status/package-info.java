/** The system status page and the operations metrics scraped at /actuator/prometheus. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "audit", "datasets", "identity", "obligations", "policy", "replication", "shared", "shell", "workflow"
})
package org.dataembassy.portal.status;
