/** Emergency activation, quorum and stand-down. */
package org.dataembassy.portal.activation;
