/** The OPA adapter: decisions, the supervised OPA process, decision records. */
package org.dataembassy.portal.policy;
