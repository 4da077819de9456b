package org.dataembassy.portal.agreements.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.dataembassy.portal.agreements.AgreementCatalog;
import org.dataembassy.portal.agreements.AgreementDrafting;
import org.dataembassy.portal.agreements.AgreementImpact;
import org.dataembassy.portal.agreements.AgreementOverview;
import org.dataembassy.portal.agreements.AgreementPublishing;
import org.dataembassy.portal.agreements.AgreementRegistry;
import org.dataembassy.portal.agreements.AgreementReview;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftCheck;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.ImpactReport;
import org.dataembassy.portal.agreements.NewAgreement;
import org.dataembassy.portal.agreements.TestReport;
import org.dataembassy.portal.agreements.VersionDiff;
import org.dataembassy.portal.api.ApiController;
import org.dataembassy.portal.api.ApiProblems;
import org.dataembassy.portal.api.ProblemType;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * REST API of the agreement registry (its OpenAPI document is generated: /v3/api-docs, docs/openapi.json): agreements, versions, checks, tests,
 * review, publishing, rollback, diff and impact. Access and the four-eyes rule are enforced by the registry's
 * services ({@link AgreementCatalog}, {@link AgreementDrafting}, {@link AgreementReview}, {@link AgreementPublishing},
 * {@link AgreementImpact}); errors are problem+json ({@link AgreementProblems} and the api module).
 */
@ApiController
@Tag(name = "Agreements", description = "The agreement registry: drafting, checks, tests, four-eyes review, publishing, rollback, diff and impact")
@RequestMapping(path = "/api/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
class AgreementsController {

    private static final String RULES_REFUSED = "The Rego does not compile, breaks the treaty contract, its tests fail or"
            + " OPA did not activate the bundle; `problems` lists them by file and line. Nothing was changed or published.";

    private final AgreementCatalog catalog;
    private final AgreementDrafting drafting;
    private final AgreementReview review;
    private final AgreementPublishing publishing;
    private final AgreementImpact impact;

    AgreementsController(AgreementCatalog catalog, AgreementDrafting drafting, AgreementReview review,
                         AgreementPublishing publishing, AgreementImpact impact) {
        this.catalog = catalog;
        this.drafting = drafting;
        this.review = review;
        this.publishing = publishing;
        this.impact = impact;
    }

    /** Body of review actions: {@code {"comment": "…"}}. */
    record Comment(String comment) {
    }

    /** Body of a rollback request. */
    record RollbackRequest(Integer toVersion, String reason) {
    }

    /** Body of a new draft: the version it starts from. */
    record DraftRequest(Integer basedOn) {
    }

    @Operation(operationId = "listAgreements", summary = "List agreements",
            description = "Every agreement in the registry with its latest version, the version in force and its lifecycle. LEGAL_OFFICER, AUDITOR, ADMIN.")
    @GetMapping
    List<AgreementOverview> agreements() {
        return catalog.agreements();
    }

    @Operation(operationId = "createAgreement", summary = "Create an agreement",
            description = "Starts a new agreement as version 1 in DRAFT: blank terms of schema_version 2, or a copy of a template named explicitly, never a silent copy. LEGAL_OFFICER.")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AgreementVersion create(@RequestBody NewAgreement request) {
        return drafting.create(request);
    }

    @Operation(operationId = "listVersions", summary = "List the versions of an agreement",
            description = "Every version of the agreement, newest first, with its status (DRAFT, IN_REVIEW, APPROVED, PUBLISHED, SUPERSEDED, REJECTED) and who wrote and reviewed it.")
    @GetMapping("/{key}/versions")
    List<AgreementVersion> versions(@PathVariable String key) {
        return catalog.versions(key);
    }

    @Operation(operationId = "createDraft", summary = "Start a new draft",
            description = "A new DRAFT version copied from the version named in basedOn. LEGAL_OFFICER.")
    @PostMapping(path = "/{key}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AgreementVersion newDraft(@PathVariable String key, @RequestBody DraftRequest request) {
        if (request.basedOn() == null) {
            throw InvalidInputException.of("basedOn", "required: the version the draft starts from");
        }
        return drafting.newDraft(key, request.basedOn());
    }

    @Operation(operationId = "getVersion", summary = "Read one version",
            description = "The version with its structured terms, its treaty package (Rego) and its tests.")
    @GetMapping("/{key}/versions/{version}")
    ResponseEntity<AgreementVersion> version(@PathVariable String key, @PathVariable int version) {
        AgreementVersion found = catalog.version(key, version);
        return ResponseEntity.ok().eTag(found.etag()).body(found);
    }

    @Operation(operationId = "saveDraft", summary = "Save a draft",
            description = "Replaces the terms, Rego and tests of a DRAFT. The content is checked first (terms by JSON path, Rego compiled, the treaty contract); a refused save changes nothing. Send the ETag of GET as If-Match: a draft saved since then answers 412 instead of"
                    + " being overwritten (the answer carries the new ETag). Only the draft's author. LEGAL_OFFICER.")
    @ApiProblems(value = {ProblemType.RULES_REFUSED, ProblemType.PRECONDITION_FAILED}, when = RULES_REFUSED
            + " 412: the draft was saved since the ETag sent as If-Match was read.")
    @PutMapping(path = "/{key}/versions/{version}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AgreementVersion> save(@PathVariable String key, @PathVariable int version,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @RequestBody DraftContent content) {
        AgreementVersion saved = drafting.save(key, version, content, ifMatch);
        return ResponseEntity.ok().eTag(saved.etag()).body(saved);
    }

    /** Checks content without storing it: clause errors by field, compile and contract problems by line. */
    @Operation(operationId = "checkDraft", summary = "Check content without saving",
            description = "Validates terms against the clause vocabulary and its JSON Schema (errors by JSON path), compiles the Rego and checks the treaty contract; stores nothing. LEGAL_OFFICER.")
    @PostMapping(path = "/{key}/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    DraftCheck check(@PathVariable String key, @RequestBody DraftContent content) {
        return drafting.check(key, content);
    }

    @Operation(operationId = "runTests", summary = "Run a version's tests",
            description = "Runs the version's own tests and the shared case tables against its rules in a sandboxed OPA; returns each test's result and coverage per article.")
    @PostMapping("/{key}/versions/{version}/tests")
    TestReport runTests(@PathVariable String key, @PathVariable int version) {
        return drafting.runTests(key, version);
    }

    @Operation(operationId = "submitVersion", summary = "Submit a draft for review",
            description = "Moves a DRAFT whose tests pass to IN_REVIEW; another legal officer must approve it (four eyes). LEGAL_OFFICER.")
    @ApiProblems(value = ProblemType.RULES_REFUSED, when = RULES_REFUSED)
    @PostMapping("/{key}/versions/{version}/submit")
    AgreementVersion submit(@PathVariable String key, @PathVariable int version) {
        return review.submit(key, version);
    }

    @Operation(operationId = "approveVersion", summary = "Approve a version",
            description = "Four eyes: a legal officer other than the author approves an IN_REVIEW version, with a comment. LEGAL_OFFICER.")
    @PostMapping(path = "/{key}/versions/{version}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementVersion approve(@PathVariable String key, @PathVariable int version, @RequestBody Comment comment) {
        return review.approve(key, version, comment.comment());
    }

    @Operation(operationId = "rejectVersion", summary = "Reject a version",
            description = "Four eyes: a legal officer other than the author sends an IN_REVIEW version back, saying why. LEGAL_OFFICER.")
    @PostMapping(path = "/{key}/versions/{version}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementVersion reject(@PathVariable String key, @PathVariable int version, @RequestBody Comment comment) {
        return review.reject(key, version, comment.comment());
    }

    @Operation(operationId = "publishVersion", summary = "Publish a version",
            description = "Signs a bundle with the APPROVED version and serves it; answers once the supervised OPA runs it. Serialised across portal nodes. LEGAL_OFFICER, ADMIN.")
    @ApiProblems(value = ProblemType.RULES_REFUSED, when = RULES_REFUSED)
    @PostMapping("/{key}/versions/{version}/publish")
    AgreementRegistry.Publication publish(@PathVariable String key, @PathVariable int version) {
        return publishing.publish(key, version);
    }

    @Operation(operationId = "requestRollback", summary = "Request a rollback",
            description = "Starts a new version with the content of an earlier published one, to be reviewed and published like any other. LEGAL_OFFICER.")
    @PostMapping(path = "/{key}/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AgreementVersion rollback(@PathVariable String key, @RequestBody RollbackRequest request) {
        if (request.toVersion() == null) {
            throw InvalidInputException.of("toVersion", "required: the earlier published version to return to");
        }
        return review.requestRollback(key, request.toVersion(), request.reason());
    }

    @Operation(operationId = "diffVersions", summary = "Compare two versions",
            description = "The difference between two versions of an agreement, clause by clause, in its terms, Rego and tests.")
    @GetMapping("/{key}/diff")
    VersionDiff diff(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        return review.diff(key, from, to);
    }

    @Operation(operationId = "impactOfVersion", summary = "Impact of a version",
            description = "Replays the decisions of the last days (1 to 365) against this version's rules and lists those whose outcome would change. LEGAL_OFFICER, ADMIN.")
    @GetMapping("/{key}/versions/{version}/impact")
    ImpactReport impact(@PathVariable String key, @PathVariable int version,
                        @RequestParam(defaultValue = "30") int days) {
        return impact.impact(key, version, days);
    }
}
