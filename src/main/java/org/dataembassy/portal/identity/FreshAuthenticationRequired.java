package org.dataembassy.portal.identity;

import java.time.Duration;
import org.springframework.security.access.AccessDeniedException;

/** The action needs a recent authentication: send the person to {@link #stepUpUrl()} and let them try again. */
public class FreshAuthenticationRequired extends AccessDeniedException {

    private final String stepUpUrl;

    public FreshAuthenticationRequired(Duration maxAge, String stepUpUrl) {
        super("This action needs you to have signed in within the last " + maxAge.toMinutes()
                + " minutes. Sign in again and repeat it.");
        this.stepUpUrl = stepUpUrl;
    }

    public String stepUpUrl() {
        return stepUpUrl;
    }
}
