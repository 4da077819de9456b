/** Datasets and their onboarding (owns the DatasetOnboardingProcess). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "identity", "policy", "replication", "shared", "shell", "workflow"
})
package org.dataembassy.portal.datasets;
