package org.dataembassy.portal.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** A polling view refreshes only while it is attached and somebody is signed in. */
class LivePollingTests {

    private final UI ui = new UI();
    private final Div view = new Div();
    private final AtomicInteger refreshes = new AtomicInteger();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void pollsWhileAttachedAndSignedInAndStopsOnTheFirstPollAfterSignOut() {
        LivePolling.follow(view, 500, refreshes::incrementAndGet);
        ui.add(view);
        assertThat(ui.getPollInterval()).isEqualTo(500);

        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ada",
                null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        poll();
        assertThat(refreshes).hasValue(1);

        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS"))));
        poll();
        assertThat(refreshes).as("no service called for an anonymous poll").hasValue(1);
        assertThat(ui.getPollInterval()).isEqualTo(-1);

        SecurityContextHolder.clearContext();
        poll();
        assertThat(refreshes).hasValue(1);
    }

    @Test
    void detachingStopsPollingAndRemovesTheListener() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ada",
                null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        LivePolling.follow(view, 2000, refreshes::incrementAndGet);
        ui.add(view);
        poll();
        ui.remove(view);
        assertThat(ui.getPollInterval()).isEqualTo(-1);
        poll();
        assertThat(refreshes).hasValue(1);

        ui.add(view); // attached again (navigating back): polls again, with one listener, not two
        assertThat(ui.getPollInterval()).isEqualTo(2000);
        poll();
        assertThat(refreshes).hasValue(2);
    }

    private void poll() {
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }
}
