package org.dataembassy.portal.soak;

/** One README walkthrough, walked in a browser from sign-in to sign-out; a failed step throws {@link StepFailure}. */
interface Journey {

    String name();

    void walk(SoakBrowser browser) throws Exception;
}
