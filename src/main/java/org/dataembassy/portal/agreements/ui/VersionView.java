package org.dataembassy.portal.agreements.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.Map;
import java.util.function.Supplier;
import org.dataembassy.portal.agreements.AgreementCatalog;
import org.dataembassy.portal.agreements.AgreementDrafting;
import org.dataembassy.portal.agreements.AgreementImpact;
import org.dataembassy.portal.agreements.AgreementPublishing;
import org.dataembassy.portal.agreements.AgreementReview;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.FourEyesException;
import org.dataembassy.portal.agreements.StaleVersionException;
import org.dataembassy.portal.agreements.UnknownAgreementException;
import org.dataembassy.portal.agreements.VersionStateException;
import org.dataembassy.portal.agreements.VersionStatus;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.NotFoundView;

/**
 * One version of an agreement: its clauses (form and JSON, {@link TermsEditor}), its treaty package and tests in the
 * Rego editor with OPA's problems shown at their line as the officer types ({@link DraftProblems}), test runs with
 * coverage per article ({@link TestsTab}), comparison with another version ({@link CompareTab}), impact analysis
 * ({@link ImpactTab}), and the review actions its status allows ({@link ReviewActions}).
 */
@Route(value = "agreements/:key/versions/:version", layout = MainLayout.class)
@PageTitle("Agreement version · Data Embassy Portal")
@RolesAllowed({"LEGAL_OFFICER", "AUDITOR", "ADMIN"})
public class VersionView extends VerticalLayout implements BeforeEnterObserver, ReviewActions.Page {

    private final ReviewActions.Services services;
    private final AgreementImpact impact;
    private AgreementVersion version;
    private boolean editable;

    private TermsEditor terms;
    private EditorPart rego;
    private EditorPart tests;
    private DraftProblems problems;
    private final TextField changeNote = new TextField("Change note (for the reviewer)");
    private final Div result = new Div();

    public VersionView(AgreementCatalog catalog, AgreementDrafting drafting, AgreementReview review,
                       AgreementPublishing publishing, AgreementImpact impact, CurrentUser user, AccessPolicy access) {
        this.services = new ReviewActions.Services(catalog, drafting, review, publishing, user, access);
        this.impact = impact;
        addClassName("page");
        setWidthFull();
    }

    public static RouteParameters parameters(String key, int version) {
        return new RouteParameters(Map.of("key", key, "version", String.valueOf(version)));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            String key = event.getRouteParameters().get("key").orElse("");
            int number = Integer.parseInt(event.getRouteParameters().get("version").orElse(""));
            version = services.catalog().version(key, number);
        } catch (NumberFormatException | UnknownAgreementException e) {
            event.rerouteTo(NotFoundView.class);
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        CurrentUser user = services.user();
        editable = version.status() == VersionStatus.DRAFT && user.username().map(version.author()::equals).orElse(false)
                && user.hasRole(Role.LEGAL_OFFICER);
        terms = new TermsEditor(version.termsJson(), editable, this::validate);
        rego = new EditorPart("rego-editor", "rego-problems", "32em", version.regoSource(), editable);
        tests = new EditorPart("tests-editor", "tests-problems", "24em", version.testsSource(), editable);
        for (EditorPart part : new EditorPart[] {rego, tests}) {
            part.editor().addValueChangeListener(e -> validate());
            part.editor().addSaveListener(e -> save());
        }
        changeNote.setId("change-note");
        changeNote.setWidthFull();
        changeNote.setValue(version.changeNote());
        changeNote.setReadOnly(!editable);
        problems = new DraftProblems(terms, rego, tests, changeNote);

        TabSheet tabs = new TabSheet();
        tabs.setId("version-tabs");
        tabs.setWidthFull();
        tabs.add("Clauses", terms.clausesTab());
        tabs.add("Terms (JSON)", terms.jsonTab());
        tabs.add("Treaty rules (Rego)", new VerticalLayout(rego.editor(), rego.problems()));
        tabs.add("Tests", new TestsTab(tests, problems, () -> editable
                ? services.drafting().runTests(version.agreementKey(), content())
                : services.drafting().runTests(version.agreementKey(), version.version())));
        tabs.add("Compare", new CompareTab(services.review(), version,
                services.catalog().versions(version.agreementKey())));
        if (user.hasRole(Role.LEGAL_OFFICER) || user.hasRole(Role.ADMIN)) {
            tabs.add("Impact", new ImpactTab(impact, version));
        }
        result.setId("action-result");
        // Actions first: the reviewer's and the author's next step should not hide below a long form.
        add(new VersionHeader(version, editable), new ReviewActions(services, version, editable, this), result,
                problems.general(), changeNote, tabs);
    }

    @Override
    public DraftContent content() {
        return new DraftContent(terms.value(), rego.value(), tests.value(), changeNote.getValue());
    }

    /** Asks the real OPA (and the clause checks) about the content as it stands; stores nothing. */
    private void validate() {
        if (!editable) {
            return;
        }
        problems.show(services.drafting().check(version.agreementKey(), content()));
    }

    @Override
    public void save() {
        if (!editable) {
            return;
        }
        problems.clear();
        try {
            // based on the version shown: a save made meanwhile elsewhere (another tab) is not overwritten
            version = services.drafting().save(version.agreementKey(), version.version(), content(), version.etag());
            rego.editor().setValue(version.regoSource());
            tests.editor().setValue(version.testsSource());
            done("Saved.");
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(problems::fieldError);
            failed("Not saved: correct the fields marked.");
        } catch (PolicyRejectedException e) {
            problems.show(e.problems());
            failed("Not saved: " + e.getMessage());
        } catch (StaleVersionException e) {
            failed("Not saved: this draft was saved elsewhere since you opened it. Copy your changes, reload the page"
                    + " and make them again.");
        }
    }

    @Override
    public void act(Supplier<AgreementVersion> action, String message) {
        try {
            replaced(action.get(), message);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(problems::fieldError);
            failed("Not done: correct the fields marked.");
        } catch (PolicyRejectedException e) {
            problems.show(e.problems());
            failed(e.getMessage());
        } catch (FourEyesException | VersionStateException e) {
            failed(e.getMessage());
        }
    }

    @Override
    public void replaced(AgreementVersion changed, String message) {
        version = changed;
        build();
        done(message);
    }

    private void done(String message) {
        result.setText(message);
        result.getElement().setAttribute("outcome", "ok");
        result.getStyle().set("color", "var(--lumo-success-text-color)");
    }

    private void failed(String message) {
        result.setText(message);
        result.getElement().setAttribute("outcome", "error");
        result.getStyle().set("color", "var(--lumo-error-text-color)");
    }
}
