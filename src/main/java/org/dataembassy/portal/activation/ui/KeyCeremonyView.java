package org.dataembassy.portal.activation.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.dataembassy.portal.activation.KeyCeremonies;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.Times;

/**
 * The key ceremony: a security officer or administrator splits the state's KEK into one Shamir share per committee
 * member. Each share is shown here once, to be handed to its member; the portal keeps none of them.
 */
@Route(value = "activation/key-ceremony", layout = MainLayout.class)
@PageTitle("Key ceremony · Data Embassy Portal")
@Menu(order = 51, title = "Key ceremony")
@RolesAllowed({"SECURITY_OFFICER", "ADMIN"})
public class KeyCeremonyView extends VerticalLayout {

    public KeyCeremonyView(KeyCeremonies ceremonies) {
        addClassName("page");
        Paragraph latest = new Paragraph(ceremonies.latest().map(c -> "Latest ceremony: " + c.m() + " of " + c.n() + " by "
                + c.performedBy() + ", " + Times.minutes(c.performedAt()) + "; KEK "
                + c.kekFingerprint().substring(0, 16)).orElse("No key ceremony held yet: activations use the local KEK file."));
        latest.setId("latest-ceremony");
        IntegerField threshold = new IntegerField("Shares needed to unseal (M)");
        threshold.setId("threshold");
        threshold.setValue(3);
        Div shares = new Div();
        shares.setId("ceremony-shares");
        Button perform = new Button("Split the state key", e -> {
            threshold.setInvalid(false);
            try {
                shares.removeAll();
                ceremonies.perform(threshold.getValue() == null ? 0 : threshold.getValue()).forEach(h -> {
                    TextField share = new TextField(h.member() + " (" + h.treatyRole() + "), share " + h.index());
                    share.setId("share-" + h.member());
                    share.setValue(h.share());
                    share.setReadOnly(true);
                    share.setWidthFull();
                    shares.add(share);
                });
                shares.add(new Paragraph("Hand each share to its member now: it is not shown again."));
            } catch (InvalidInputException ex) {
                threshold.setErrorMessage(String.join("; ", ex.fieldErrors().values()));
                threshold.setInvalid(true);
            }
        });
        perform.setId("perform-ceremony");
        perform.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Key ceremony"), new Paragraph("Splits the state's key-encryption key into one share per member of "
                + "the emergency committee; any M of them unseal it during an activation. The portal stores only who "
                + "holds which share and a check value, never the shares."), latest, threshold, perform, shares);
    }
}
