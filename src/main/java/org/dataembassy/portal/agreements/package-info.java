/** Bilateral agreements and their treaty rules. */
package org.dataembassy.portal.agreements;
