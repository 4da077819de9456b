/** Users, roles, login and the current user. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "shared"
})
package org.dataembassy.portal.identity;
