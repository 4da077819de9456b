/** Cross-border transfer requests and approval. */
package org.dataembassy.portal.transfers;
