/** Human tasks across all workflows ("My tasks") and the Camunda engine glue shared by the process modules. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "api", "audit", "identity", "shared", "shell"
})
package org.dataembassy.portal.workflow;
