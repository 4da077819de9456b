/** The tamper-evident, hash-chained audit trail. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "api", "identity", "shared", "shell"
})
package org.dataembassy.portal.audit;
