package org.dataembassy.portal.identity.internal;

/** Where a person goes to authenticate again (step-up); one per identity configuration. */
public interface StepUpRoute {

    /** A path on the portal. */
    String url();
}
