/** The system status page. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "identity", "policy", "replication", "shared", "shell", "workflow"
})
package org.dataembassy.portal.status;
