/** Users, roles, login and the current user. */
package org.dataembassy.portal.identity;
