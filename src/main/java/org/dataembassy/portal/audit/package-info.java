/** The tamper-evident, hash-chained audit trail. */
package org.dataembassy.portal.audit;
