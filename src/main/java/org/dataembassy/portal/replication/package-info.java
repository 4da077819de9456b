/** Sites and, in its core, the encrypted replication engine (no Spring in the core). */
package org.dataembassy.portal.replication;
