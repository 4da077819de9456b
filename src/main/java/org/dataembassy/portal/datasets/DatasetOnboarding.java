package org.dataembassy.portal.datasets;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.dataembassy.portal.datasets.internal.OnboardingRequestStore;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.replication.ConfiguredSite;
import org.dataembassy.portal.replication.ConfiguredSites;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.workflow.RecordedApproval;
import org.dataembassy.portal.workflow.StepSafeguards;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dataset onboarding: data owners request it, the treaty rules decide, legal officers review where the rules
 * say so. Invalid input changes nothing ({@link InvalidInputException}); the request row and the process
 * instance are created in one transaction.
 */
@Service
public class DatasetOnboarding {

    private final OnboardingRequestStore requests;
    private final RuntimeService runtime;
    private final PolicyDecisions policy;
    private final WorkTasks workTasks;
    private final CurrentUser currentUser;
    private final Validator validator;
    private final ApplicationEventPublisher events;
    private final ConfiguredSites sites;
    private final AccessPolicy access;
    private final StepSafeguards safeguards;

    DatasetOnboarding(OnboardingRequestStore requests, RuntimeService runtime, PolicyDecisions policy, WorkTasks workTasks,
                      CurrentUser currentUser, Validator validator, ApplicationEventPublisher events,
                      ConfiguredSites sites, AccessPolicy access,
                      StepSafeguards safeguards) {
        this.access = access;
        this.safeguards = safeguards;
        this.sites = sites;
        this.requests = requests;
        this.runtime = runtime;
        this.policy = policy;
        this.workTasks = workTasks;
        this.currentUser = currentUser;
        this.validator = validator;
        this.events = events;
    }

    /** Submits a request and starts the onboarding workflow. DATA_OWNER only. */
    @PreAuthorize("hasRole('DATA_OWNER')")
    @Transactional
    public OnboardingRequest request(OnboardingApplication application) {
        validate(application);
        String id = UUID.randomUUID().toString();
        String owner = currentUser.requireUsername();
        requests.insert(id, application, owner);
        var instance = runtime.startProcessInstanceByKey(DatasetOnboardingVariables.PROCESS_ID,
                OnboardingRequest.subject(id), Map.of(DatasetOnboardingVariables.REQUEST_ID, id));
        requests.attachProcess(id, instance.getId());
        events.publishEvent(new OnboardingRequested(id, application.name().trim(), owner,
                application.classification().name()));
        return requests.find(id).orElseThrow();
    }

    /** The caller's own requests, newest first. DATA_OWNER only. */
    @PreAuthorize("hasRole('DATA_OWNER')")
    @Transactional(readOnly = true)
    public List<OnboardingRequest> myRequests() {
        return requests.byRequester(currentUser.requireUsername());
    }

    /**
     * Every ACTIVE dataset (replicated and verified), oldest first. The system (schedules), ADMIN, and the
     * emergency committee (who choose what an activation serves).
     */
    @PreAuthorize("hasAnyRole('SYSTEM', 'ADMIN', 'EMERGENCY_COMMITTEE')")
    @Transactional(readOnly = true)
    public List<OnboardingRequest> activeDatasets() {
        return requests.byStatus(OnboardingStatus.ACTIVE);
    }

    /**
     * One request: its owner, legal officers, security officers, auditors and workflow steps may read it (the
     * authorization policy's {@code dataset.read}: a data owner only their own).
     */
    @PreAuthorize("hasAnyRole('DATA_OWNER', 'LEGAL_OFFICER', 'SECURITY_OFFICER', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public OnboardingRequest find(String requestId) {
        OnboardingRequest request = requests.find(requestId)
                .orElseThrow(() -> new NoSuchElementException("no onboarding request " + requestId));
        access.require("dataset.read", request.subject(), Map.of("owner", request.requestedBy()));
        return request;
    }

    /**
     * A legal officer's decision on the review task of a request. A rejection needs a comment; nobody reviews
     * their own request. LEGAL_OFFICER only.
     */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public void review(String taskId, boolean approve, String comment) {
        String reviewer = currentUser.requireUsername();
        WorkTask task = workTasks.find(taskId).orElseThrow(() -> new NoSuchElementException("no open task " + taskId));
        String requestId = OnboardingRequest.idOf(task);
        OnboardingRequest request = requests.find(requestId).orElseThrow();
        String text = comment == null ? "" : comment.trim();
        if (!approve && text.isEmpty()) {
            throw InvalidInputException.of("comment", "Say why the request is rejected");
        }
        if (text.length() > 2000) {
            throw InvalidInputException.of("comment", "At most 2,000 characters");
        }
        access.require("onboarding.review", request.subject(), Map.of("requested_by", request.requestedBy()));
        requests.recordReview(requestId, reviewer, approve, text);
        workTasks.complete(taskId, Map.of(DatasetOnboardingVariables.REVIEW_APPROVED, approve));
        events.publishEvent(new OnboardingReviewed(requestId, reviewer, approve, text));
    }

    /** The request behind a review task. LEGAL_OFFICER only. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional(readOnly = true)
    public OnboardingRequest forReviewTask(String taskId) {
        WorkTask task = workTasks.find(taskId).orElseThrow(() -> new NoSuchElementException("no open task " + taskId));
        return requests.find(OnboardingRequest.idOf(task)).orElseThrow();
    }

    /** Workflow step: asks the treaty rules and records the outcome. SYSTEM only. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public PolicyDecision evaluatePolicy(String requestId) {
        OnboardingRequest request = requests.find(requestId).orElseThrow();
        PolicyDecision decision = policy.decide(new PolicyQuery("dataembassy/onboarding", request.subject(),
                policyInput(request)));
        if (!decision.engineUnavailable()) {
            OnboardingStatus status = switch (decision.outcome()) {
                case ALLOW -> OnboardingStatus.SUBMITTED; // final status is set by the workflow's accept step
                case REVIEW_REQUIRED -> OnboardingStatus.IN_REVIEW;
                case DENY -> OnboardingStatus.SUBMITTED; // final status is set by the workflow's reject step
            };
            requests.recordDecision(requestId, status, decision.outcome().name(), decision.reasons().stream()
                    .map(r -> r.code() + " (" + r.agreement() + " " + r.article() + "): " + r.message()).toList());
        }
        return decision;
    }

    /**
     * Workflow step: final outcome. Idempotent. Acceptance first re-reads the recorded decision: an allow of the
     * treaty rules, or an approving review by someone other than the requester; without one the step refuses
     * (audited; the job fails and becomes an incident) — whatever the process variables say. SYSTEM only.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void complete(String requestId, OnboardingStatus outcome) {
        OnboardingRequest request = requests.find(requestId).orElseThrow();
        if (request.status() == outcome) {
            return;
        }
        if (outcome == OnboardingStatus.ACCEPTED) {
            Optional<String> missing = requests.approval(requestId).flatMap(RecordedApproval::missing);
            if (missing.isPresent()) {
                throw safeguards.refused("Accept request", request.subject(), missing.get());
            }
        }
        requests.recordStatus(requestId, outcome);
        events.publishEvent(new OnboardingCompleted(requestId, outcome, "dataset '" + request.name() + "'"));
    }

    /** Workflow step: the review is overdue. SYSTEM only. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void escalateReview(String requestId) {
        events.publishEvent(new OnboardingReviewEscalated(requestId));
    }

    private static Map<String, Object> policyInput(OnboardingRequest request) {
        Map<String, Object> dataset = request.policyDataset();
        dataset.put("size_gib", request.sizeEstimateGib());
        return Map.of("agreement", request.agreementId(), "dataset", dataset, "requester", request.requestedBy());
    }


    private void validate(OnboardingApplication application) {
        if (application == null) {
            throw InvalidInputException.of("application", "Nothing was submitted");
        }
        Map<String, String> errors = new LinkedHashMap<>();
        for (ConstraintViolation<OnboardingApplication> v : validator.validate(application)) {
            errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        List<String> embassies = sites.all().stream()
                .filter(s -> s.role() == ConfiguredSite.Role.EMBASSY)
                .map(s -> s.id().value()).toList();
        for (String wanted : application.embassySites()) {
            if (!embassies.contains(wanted)) {
                errors.putIfAbsent("embassySites", "'" + wanted + "' is not an embassy site; one of "
                        + String.join(", ", embassies));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
