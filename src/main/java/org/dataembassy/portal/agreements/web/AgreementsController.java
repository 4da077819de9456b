package org.dataembassy.portal.agreements.web;

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
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * REST API of the agreement registry (documented in docs/openapi.yaml): agreements, versions, checks, tests,
 * review, publishing, rollback, diff and impact. Access and the four-eyes rule are enforced by the registry's
 * services ({@link AgreementCatalog}, {@link AgreementDrafting}, {@link AgreementReview}, {@link AgreementPublishing},
 * {@link AgreementImpact}); errors are problem+json ({@link AgreementProblems} and the api module).
 */
@ApiController
@RequestMapping(path = "/api/agreements", produces = MediaType.APPLICATION_JSON_VALUE)
class AgreementsController {

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

    @GetMapping
    List<AgreementOverview> agreements() {
        return catalog.agreements();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AgreementVersion create(@RequestBody NewAgreement request) {
        return drafting.create(request);
    }

    @GetMapping("/{key}/versions")
    List<AgreementVersion> versions(@PathVariable String key) {
        return catalog.versions(key);
    }

    @PostMapping(path = "/{key}/versions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AgreementVersion newDraft(@PathVariable String key, @RequestBody DraftRequest request) {
        if (request.basedOn() == null) {
            throw InvalidInputException.of("basedOn", "required: the version the draft starts from");
        }
        return drafting.newDraft(key, request.basedOn());
    }

    @GetMapping("/{key}/versions/{version}")
    AgreementVersion version(@PathVariable String key, @PathVariable int version) {
        return catalog.version(key, version);
    }

    @PutMapping(path = "/{key}/versions/{version}", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementVersion save(@PathVariable String key, @PathVariable int version, @RequestBody DraftContent content) {
        return drafting.save(key, version, content);
    }

    /** Checks content without storing it: clause errors by field, compile and contract problems by line. */
    @PostMapping(path = "/{key}/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    DraftCheck check(@PathVariable String key, @RequestBody DraftContent content) {
        return drafting.check(key, content);
    }

    @PostMapping("/{key}/versions/{version}/tests")
    TestReport runTests(@PathVariable String key, @PathVariable int version) {
        return drafting.runTests(key, version);
    }

    @PostMapping("/{key}/versions/{version}/submit")
    AgreementVersion submit(@PathVariable String key, @PathVariable int version) {
        return review.submit(key, version);
    }

    @PostMapping(path = "/{key}/versions/{version}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementVersion approve(@PathVariable String key, @PathVariable int version, @RequestBody Comment comment) {
        return review.approve(key, version, comment.comment());
    }

    @PostMapping(path = "/{key}/versions/{version}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
    AgreementVersion reject(@PathVariable String key, @PathVariable int version, @RequestBody Comment comment) {
        return review.reject(key, version, comment.comment());
    }

    @PostMapping("/{key}/versions/{version}/publish")
    AgreementRegistry.Publication publish(@PathVariable String key, @PathVariable int version) {
        return publishing.publish(key, version);
    }

    @PostMapping(path = "/{key}/rollback", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AgreementVersion rollback(@PathVariable String key, @RequestBody RollbackRequest request) {
        if (request.toVersion() == null) {
            throw InvalidInputException.of("toVersion", "required: the earlier published version to return to");
        }
        return review.requestRollback(key, request.toVersion(), request.reason());
    }

    @GetMapping("/{key}/diff")
    VersionDiff diff(@PathVariable String key, @RequestParam int from, @RequestParam int to) {
        return review.diff(key, from, to);
    }

    @GetMapping("/{key}/versions/{version}/impact")
    ImpactReport impact(@PathVariable String key, @PathVariable int version,
                        @RequestParam(defaultValue = "30") int days) {
        return impact.impact(key, version, days);
    }
}
