/** Jurisdiction reviews of host states and their outcomes. */
package org.dataembassy.portal.jurisdiction;
