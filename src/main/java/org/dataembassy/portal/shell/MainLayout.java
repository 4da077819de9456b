package org.dataembassy.portal.shell;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.stream.Collectors;
import org.dataembassy.portal.identity.CurrentUser;

/**
 * The portal's frame: title, the signed-in user and their roles, sign-out, and a navigation built from the
 * views' {@code @Menu} annotations, filtered to what the user's roles may open.
 */
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final List<ShellNotice> notices;
    private final Div noticeArea = new Div();

    public MainLayout(CurrentUser currentUser, AuthenticationContext authentication,
                      List<ShellNotice> notices) {
        H1 title = new H1("Data Embassy Portal");
        title.addClassName("app-title");

        // the signed-in person links to their account page (last authentication, sign in again)
        Anchor who = new Anchor("account", currentUser.username().orElse("") + " · "
                + currentUser.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        who.setId("current-user");
        Button logout = new Button("Sign out", e -> authentication.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div user = new Div(who, logout);
        user.addClassName("user-badge");

        addToNavbar(new DrawerToggle(), title, user);
        this.notices = notices;
        noticeArea.setId("shell-notices");
        addToNavbar(noticeArea);
        addToDrawer(navigation());
        setPrimarySection(Section.DRAWER);
    }

    private static SideNav navigation() {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            nav.addItem(new SideNavItem(entry.title(), entry.path()));
        }
        return nav;
    }

    /** Every page load and navigation shows the notices as they are now (an activation, for example). */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        noticeArea.removeAll();
        notices.forEach(n -> n.text().ifPresent(text -> noticeArea.add(noticeBadge(text))));
    }

    private static Span noticeBadge(String text) {
        Span badge = StatusBadge.of(text, StatusBadge.Tone.ALERT);
        badge.addClassName("shell-notice");
        return badge;
    }
}
