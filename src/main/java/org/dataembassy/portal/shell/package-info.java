/** Main layout, navigation, error pages and shared UI pieces. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "identity", "policy", "shared"
})
package org.dataembassy.portal.shell;
