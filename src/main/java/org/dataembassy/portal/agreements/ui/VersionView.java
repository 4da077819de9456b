package org.dataembassy.portal.agreements.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.ArticleCoverage;
import org.dataembassy.portal.agreements.ChangedDecision;
import org.dataembassy.portal.agreements.DraftCheck;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.FourEyesException;
import org.dataembassy.portal.agreements.ImpactReport;
import org.dataembassy.portal.agreements.TestReport;
import org.dataembassy.portal.agreements.UnknownAgreementException;
import org.dataembassy.portal.agreements.VersionDiff;
import org.dataembassy.portal.agreements.VersionStateException;
import org.dataembassy.portal.agreements.VersionStatus;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.identity.Role;
import org.dataembassy.portal.policy.PolicyProblem;
import org.dataembassy.portal.policy.PolicyRejectedException;
import org.dataembassy.portal.policy.PolicyTestResult;
import org.dataembassy.portal.policy.Reason;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.policy.AccessDecision;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.shell.MainLayout;
import org.dataembassy.portal.shell.NotFoundView;

/**
 * One version of an agreement: its clauses (form and JSON), its treaty package and tests in the Rego editor
 * with OPA's problems shown at their line as the officer types, test runs with coverage per article,
 * side-by-side comparison with another version, impact analysis, and the review actions its status allows.
 */
@Route(value = "agreements/:key/versions/:version", layout = MainLayout.class)
@PageTitle("Agreement version · Data Embassy Portal")
@RolesAllowed({"LEGAL_OFFICER", "AUDITOR", "ADMIN"})
public class VersionView extends VerticalLayout implements BeforeEnterObserver {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final AgreementRegistry registry;
    private final CurrentUser user;
    private AgreementVersion version;
    private boolean editable;

    private final ClauseForm clauses = new ClauseForm(this::clausesChanged);
    private final TextArea termsJson = new TextArea("Terms (JSON)");
    private final RegoEditor rego = new RegoEditor();
    private final RegoEditor tests = new RegoEditor();
    private final Div regoProblems = new Div();
    private final Div testProblems = new Div();
    private final Div generalErrors = new Div();
    private final TextField changeNote = new TextField("Change note (for the reviewer)");
    private final Div result = new Div();

    private final AccessPolicy access;

    public VersionView(AgreementRegistry registry, CurrentUser user, AccessPolicy access) {
        this.access = access;
        this.registry = registry;
        this.user = user;
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
            version = registry.version(key, number);
        } catch (NumberFormatException | UnknownAgreementException e) {
            event.rerouteTo(NotFoundView.class);
            return;
        }
        build();
    }

    private void build() {
        removeAll();
        editable = version.status() == VersionStatus.DRAFT && user.username().map(version.author()::equals).orElse(false)
                && user.hasRole(Role.LEGAL_OFFICER);
        Span status = new Span(version.status().name());
        status.setId("version-status");
        status.getElement().getThemeList().add("badge");
        add(new H2(version.title() + " — v" + version.version()), new HorizontalLayout(status, new Span(describe())));
        if (version.reviewer() != null) {
            Paragraph review = new Paragraph("Review by " + version.reviewer()
                    + (version.reviewComment() == null || version.reviewComment().isBlank() ? "" : ": " + version.reviewComment()));
            review.setId("review");
            add(review);
        }

        termsJson.setId("terms-json");
        termsJson.setWidthFull();
        termsJson.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        termsJson.setValue(version.termsJson());
        termsJson.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.LAZY);
        termsJson.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                jsonEdited(e.getValue());
            }
        });
        loadClauses(version.termsJson());

        rego.setId("rego-editor");
        rego.setWidthFull();
        rego.setHeight("32em");
        rego.setValue(version.regoSource());
        tests.setId("tests-editor");
        tests.setWidthFull();
        tests.setHeight("24em");
        tests.setValue(version.testsSource());
        regoProblems.setId("rego-problems");
        testProblems.setId("tests-problems");
        generalErrors.setId("general-errors");
        rego.addValueChangeListener(e -> validate());
        tests.addValueChangeListener(e -> validate());
        rego.addSaveListener(e -> save());
        tests.addSaveListener(e -> save());
        changeNote.setId("change-note");
        changeNote.setWidthFull();
        changeNote.setValue(version.changeNote());
        for (var field : List.<com.vaadin.flow.component.HasValue<?, ?>>of(termsJson, changeNote)) {
            field.setReadOnly(!editable);
        }
        clauses.setReadOnly(!editable);
        rego.setReadOnly(!editable);
        tests.setReadOnly(!editable);

        TabSheet tabs = new TabSheet();
        tabs.setId("version-tabs");
        tabs.setWidthFull();
        tabs.add("Clauses", clauses);
        tabs.add("Terms (JSON)", termsJson);
        tabs.add("Treaty rules (Rego)", new VerticalLayout(rego, regoProblems));
        tabs.add("Tests", testsTab());
        tabs.add("Compare", compareTab());
        if (user.hasRole(Role.LEGAL_OFFICER) || user.hasRole(Role.ADMIN)) {
            tabs.add("Impact", impactTab());
        }
        result.setId("action-result");
        // Actions first: the reviewer's and the author's next step should not hide below a long form.
        add(actions(), result, generalErrors, changeNote, tabs);
    }

    private String describe() {
        StringBuilder text = new StringBuilder(version.kind().name().toLowerCase() + " by " + version.author());
        if (version.basedOn() != null) {
            text.append(", based on v").append(version.basedOn());
        }
        if (version.bundleRevision() != null) {
            text.append(", published as revision ").append(version.bundleRevision());
        }
        if (!editable && version.status() == VersionStatus.DRAFT) {
            text.append(" (read-only: only its author edits a draft)");
        }
        return text.toString();
    }

    // ------------------------------------------------------------------ clauses and JSON

    private void loadClauses(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object) {
                clauses.load(object);
            }
        } catch (JsonProcessingException e) {
            // the JSON tab shows the syntax error
        }
    }

    private void clausesChanged(ObjectNode terms) {
        try {
            termsJson.setValue(JSON.writeValueAsString(terms) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        validate();
    }

    private void jsonEdited(String text) {
        loadClauses(text);
        validate();
    }

    private DraftContent content() {
        return new DraftContent(termsJson.getValue(), rego.getValue(), tests.getValue(), changeNote.getValue());
    }

    // ------------------------------------------------------------------ validation, save and tests

    /** Asks the real OPA (and the clause checks) about the content as it stands; stores nothing. */
    private void validate() {
        if (!editable) {
            return;
        }
        show(registry.check(version.agreementKey(), content()));
    }

    private void show(DraftCheck check) {
        clearProblems();
        check.fieldErrors().forEach(this::showFieldError);
        showProblems(check.problems());
    }

    private void clearProblems() {
        clauses.clearErrors();
        termsJson.setInvalid(false);
        rego.setProblems(List.of());
        tests.setProblems(List.of());
        regoProblems.removeAll();
        testProblems.removeAll();
        generalErrors.removeAll();
    }

    private void showFieldError(String field, String message) {
        if (clauses.showError(field, message)) {
            return;
        }
        if (field.startsWith("terms")) {
            termsJson.setErrorMessage(field + ": " + message);
            termsJson.setInvalid(true);
        } else if ("changeNote".equals(field)) {
            changeNote.setErrorMessage(message);
            changeNote.setInvalid(true);
        } else {
            generalErrors.add(new Div(field + ": " + message));
        }
    }

    private void showProblems(List<PolicyProblem> problems) {
        List<EditorProblem> inRego = new ArrayList<>();
        List<EditorProblem> inTests = new ArrayList<>();
        for (PolicyProblem p : problems) {
            String text = (p.line() > 0 ? "line " + p.line() + (p.column() > 0 ? ", column " + p.column() : "") + ": "
                    : "") + p.message() + " (" + p.code() + ")";
            Div line = new Div(text);
            line.addClassName("problem");
            if (DraftCheck.TESTS.equals(p.file())) {
                inTests.add(EditorProblem.error(Math.max(1, p.line()), Math.max(1, p.column()), p.message()));
                testProblems.add(line);
            } else if (DraftCheck.REGO.equals(p.file()) || p.file().isEmpty()) {
                if (p.line() > 0) {
                    inRego.add(EditorProblem.error(p.line(), Math.max(1, p.column()), p.message()));
                }
                regoProblems.add(line);
            } else {
                generalErrors.add(new Div(p.file() + ": " + text));
            }
        }
        rego.setProblems(inRego);
        tests.setProblems(inTests);
    }

    private void save() {
        if (!editable) {
            return;
        }
        clearProblems();
        try {
            version = registry.save(version.agreementKey(), version.version(), content());
            rego.setValue(version.regoSource());
            tests.setValue(version.testsSource());
            done("Saved.");
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(this::showFieldError);
            failed("Not saved: correct the fields marked.");
        } catch (PolicyRejectedException e) {
            showProblems(e.problems());
            failed("Not saved: " + e.getMessage());
        }
    }

    private Component testsTab() {
        Grid<PolicyTestResult> results = new Grid<>(PolicyTestResult.class, false);
        results.setId("test-results");
        results.addColumn(r -> r.passed() ? "PASS" : "FAIL").setHeader("Result").setAutoWidth(true).setFlexGrow(0);
        results.addColumn(PolicyTestResult::name).setHeader("Test").setFlexGrow(1);
        results.addColumn(PolicyTestResult::message).setHeader("Why it failed").setFlexGrow(1);
        results.setAllRowsVisible(true);
        Grid<ArticleCoverage> coverage = new Grid<>(ArticleCoverage.class, false);
        coverage.setId("article-coverage");
        coverage.addColumn(ArticleCoverage::number).setHeader("Article").setAutoWidth(true).setFlexGrow(0);
        coverage.addColumn(ArticleCoverage::title).setHeader("Title").setFlexGrow(1);
        coverage.addColumn(a -> a.total() == 0 ? "no rule cites it" : a.percent() + " % (" + a.covered() + " of "
                + a.total() + " lines)").setHeader("Covered by the tests").setAutoWidth(true);
        coverage.setAllRowsVisible(true);
        Div summary = new Div();
        summary.setId("test-summary");
        Button run = new Button("Run tests", e -> {
            clearProblems();
            try {
                TestReport report = editable ? registry.runTests(version.agreementKey(), content())
                        : registry.runTests(version.agreementKey(), version.version());
                results.setItems(report.run().results());
                coverage.setItems(report.articles());
                showProblems(report.run().problems());
                long passed = report.run().results().stream().filter(PolicyTestResult::passed).count();
                summary.setText(report.passed() ? "All " + passed + " tests passed."
                        : passed + " of " + report.run().results().size() + " tests passed.");
                summary.getElement().setAttribute("passed", String.valueOf(report.passed()));
            } catch (InvalidInputException ex) {
                ex.fieldErrors().forEach(this::showFieldError);
                summary.setText("Tests not run: correct the clauses first.");
            }
        });
        run.setId("run-tests");
        return new VerticalLayout(tests, testProblems, run, summary, results, coverage);
    }

    private Component compareTab() {
        Select<Integer> other = new Select<>();
        other.setLabel("Compare with version");
        other.setId("compare-with");
        List<Integer> versions = registry.versions(version.agreementKey()).stream().map(AgreementVersion::version)
                .filter(v -> v != version.version()).toList();
        other.setItems(versions);
        other.setItemLabelGenerator(v -> "v" + v);
        Div diff = new Div();
        diff.setId("diff");
        diff.setWidthFull();
        other.addValueChangeListener(e -> {
            diff.removeAll();
            if (e.getValue() != null) {
                VersionDiff d = registry.diff(version.agreementKey(), e.getValue(), version.version());
                d.files().forEach(f -> diff.add(fileDiff(f, e.getValue())));
            }
        });
        Integer preferred = version.basedOn() != null ? version.basedOn() : versions.isEmpty() ? null : versions.get(0);
        if (preferred != null && versions.contains(preferred)) {
            other.setValue(preferred);
        }
        return new VerticalLayout(other, diff);
    }

    private Component fileDiff(VersionDiff.FileDiff file, int from) {
        VerticalLayout part = new VerticalLayout();
        part.setPadding(false);
        part.add(new Paragraph(file.name() + (file.changed() ? " — changed" : " — unchanged")));
        if (!file.changed()) {
            return part;
        }
        Grid<VersionDiff.Row> grid = new Grid<>(VersionDiff.Row.class, false);
        grid.addClassName("diff-" + file.name());
        grid.addColumn(r -> r.leftLine() == 0 ? "" : String.valueOf(r.leftLine())).setHeader("v" + from).setWidth("4em")
                .setFlexGrow(0);
        grid.addColumn(VersionDiff.Row::left).setHeader("before").setFlexGrow(1);
        grid.addColumn(r -> r.rightLine() == 0 ? "" : String.valueOf(r.rightLine())).setHeader("v" + version.version())
                .setWidth("4em").setFlexGrow(0);
        grid.addColumn(VersionDiff.Row::right).setHeader("after").setFlexGrow(1);
        grid.setPartNameGenerator(r -> r.kind() == VersionDiff.Kind.SAME ? null : "diff-" + r.kind().name().toLowerCase());
        // Only changed rows and two lines of context around them.
        List<VersionDiff.Row> rows = file.rows();
        List<VersionDiff.Row> shown = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            int from2 = Math.max(0, i - 2);
            int to2 = Math.min(rows.size() - 1, i + 2);
            boolean near = false;
            for (int j = from2; j <= to2; j++) {
                near |= rows.get(j).kind() != VersionDiff.Kind.SAME;
            }
            if (near) {
                shown.add(rows.get(i));
            }
        }
        grid.setItems(shown);
        grid.setAllRowsVisible(true);
        part.add(grid);
        return part;
    }

    private Component impactTab() {
        IntegerField days = new IntegerField("Replay decisions of the last … days");
        days.setId("impact-days");
        days.setValue(30);
        days.setMin(1);
        days.setMax(3650);
        Div summary = new Div();
        summary.setId("impact-summary");
        Grid<ChangedDecision> grid = new Grid<>(ChangedDecision.class, false);
        grid.setId("impact");
        grid.addColumn(c -> AgreementView.when(c.decidedAt())).setHeader("Decided").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ChangedDecision::entryPoint).setHeader("Entry point").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ChangedDecision::subject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(c -> c.before() + " → " + c.after()).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(c -> codes(c.reasonsBefore()) + " → " + codes(c.reasonsAfter())).setHeader("Reasons")
                .setFlexGrow(1);
        grid.setAllRowsVisible(true);
        Button replay = new Button("Replay against this version", e -> {
            days.setInvalid(false);
            try {
                ImpactReport report = registry.impact(version.agreementKey(), version.version(),
                        days.getValue() == null ? 0 : days.getValue());
                grid.setItems(report.changed());
                summary.setText(report.replayed() + " recorded decisions replayed; " + report.changed().size()
                        + " would change.");
            } catch (InvalidInputException ex) {
                days.setErrorMessage(ex.fieldErrors().getOrDefault("days", ex.getMessage()));
                days.setInvalid(true);
            } catch (PolicyRejectedException ex) { // e.g. a version saved before the sandbox, using http.send
                grid.setItems(List.of());
                summary.setText(ex.getMessage());
            }
        });
        replay.setId("replay");
        return new VerticalLayout(new Paragraph("Recorded decisions about this agreement, replayed at their original "
                + "time against this version: every decision whose outcome or reasons would change."), days, replay,
                summary, grid);
    }

    private static String codes(List<Reason> reasons) {
        return reasons.isEmpty() ? "none" : reasons.stream().map(Reason::code).collect(Collectors.joining(", "));
    }

    // ------------------------------------------------------------------ review actions

    private Component actions() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setAlignItems(Alignment.BASELINE);
        String key = version.agreementKey();
        int number = version.version();
        if (editable) {
            Button save = new Button("Save", e -> save());
            save.setId("save");
            Button submit = new Button("Submit for review", e -> act(() -> {
                registry.save(key, number, content());
                return registry.submit(key, number);
            }, "Submitted for review: another legal officer approves or rejects it."));
            submit.setId("submit");
            submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            bar.add(save, submit);
        }
        AccessDecision mayReview = access.decide("agreement.version.review", Map.of("author", version.author()));
        boolean reviewer = mayReview.allowed();
        if (version.status() == VersionStatus.IN_REVIEW && reviewer) {
            TextField comment = new TextField("Review comment");
            comment.setId("review-comment");
            comment.setWidth("24em");
            Button approve = new Button("Approve", e -> act(() -> registry.approve(key, number, comment.getValue()),
                    "Approved; it can now be published."));
            approve.setId("approve");
            approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button reject = new Button("Reject", e -> {
                comment.setInvalid(false);
                try {
                    version = registry.reject(key, number, comment.getValue());
                    build();
                    done("Rejected.");
                } catch (InvalidInputException ex) {
                    comment.setErrorMessage(ex.fieldErrors().getOrDefault("comment", ex.getMessage()));
                    comment.setInvalid(true);
                }
            });
            reject.setId("reject");
            reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(comment, approve, reject);
        } else if (version.status() == VersionStatus.IN_REVIEW && user.hasRole(Role.LEGAL_OFFICER)) {
            Span waiting = new Span("Waiting for another legal officer's review: " + mayReview.message());
            waiting.setId("review-refused");
            bar.add(waiting);
        }
        if (version.status() == VersionStatus.APPROVED && (user.hasRole(Role.LEGAL_OFFICER) || user.hasRole(Role.ADMIN))) {
            Button publish = new Button("Publish to OPA", e -> act(() -> {
                AgreementRegistry.Publication p = registry.publish(key, number);
                return registry.version(p.agreementKey(), p.version());
            }, "Published: OPA runs the new rules."));
            publish.setId("publish");
            publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
            bar.add(publish);
        }
        return bar;
    }

    private void act(java.util.function.Supplier<AgreementVersion> action, String message) {
        try {
            version = action.get();
            build();
            done(message);
        } catch (InvalidInputException e) {
            e.fieldErrors().forEach(this::showFieldError);
            failed("Not done: correct the fields marked.");
        } catch (PolicyRejectedException e) {
            showProblems(e.problems());
            failed(e.getMessage());
        } catch (FourEyesException | VersionStateException e) {
            failed(e.getMessage());
        }
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
