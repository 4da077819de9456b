package org.dataembassy.portal.policy.internal;

import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * At shutdown, answers the bundle requests OPAs hold open (long polling) before the web server's graceful
 * shutdown starts waiting for active requests.
 */
@Component
class BundleLongPollRelease implements ApplicationListener<ContextClosedEvent> {

    private final PolicyBundles bundles;

    BundleLongPollRelease(PolicyBundles bundles) {
        this.bundles = bundles;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        bundles.release();
    }
}
