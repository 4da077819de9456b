/** Main layout, navigation, error pages and shared UI pieces. */
package org.dataembassy.portal.shell;
