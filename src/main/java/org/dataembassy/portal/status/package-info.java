/** The system status page. */
package org.dataembassy.portal.status;
