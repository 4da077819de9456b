/** Human tasks across all workflows ("My tasks") and the Camunda engine glue shared by the process modules. */
package org.dataembassy.portal.workflow;
