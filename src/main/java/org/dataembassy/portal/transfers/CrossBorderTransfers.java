package org.dataembassy.portal.transfers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.DatasetProvisioning;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.datasets.OnboardingStatus;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.replication.ConfiguredSite;
import org.dataembassy.portal.replication.ConfiguredSites;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.transfers.internal.TransferRequestStore;
import org.dataembassy.portal.workflow.RecordedApproval;
import org.dataembassy.portal.workflow.StepSafeguards;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cross-border transfers: every replication of a dataset to an embassy site abroad is decided by the treaty's
 * transfer rules (real OPA) against the agreement in force — allow: replicate, verify, record the evidence;
 * review: a legal officer decides; deny: blocked, with the reasons for the owner. Nothing moves without an
 * allow; an unavailable policy engine makes the step wait and retry, never approve.
 */
@Service
public class CrossBorderTransfers {


    private final TransferRequestStore transfers;
    private final DatasetOnboarding datasets;
    private final DatasetReplication replication;
    private final ConfiguredSites sites;
    private final PolicyDecisions policy;
    private final RuntimeService runtime;
    private final WorkTasks workTasks;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    private final AccessPolicy access;
    private final DatasetProvisioning activation;
    private final StepSafeguards safeguards;

    CrossBorderTransfers(TransferRequestStore transfers, DatasetOnboarding datasets, DatasetReplication replication,
                         ConfiguredSites sites, PolicyDecisions policy, RuntimeService runtime, WorkTasks workTasks,
                         CurrentUser currentUser, ApplicationEventPublisher events, AccessPolicy access,
                         DatasetProvisioning activation, StepSafeguards safeguards) {
        this.access = access;
        this.activation = activation;
        this.safeguards = safeguards;
        this.transfers = transfers;
        this.datasets = datasets;
        this.replication = replication;
        this.sites = sites;
        this.policy = policy;
        this.runtime = runtime;
        this.workTasks = workTasks;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** A data owner asks to replicate one of their ACTIVE datasets to an embassy site. DATA_OWNER only. */
    @PreAuthorize("hasRole('DATA_OWNER')")
    @Transactional
    public TransferRequest request(String datasetId, String siteId) {
        Map<String, String> errors = new LinkedHashMap<>();
        OnboardingRequest dataset = null;
        if (datasetId == null || datasetId.isBlank()) {
            errors.put("dataset", "Choose a dataset");
        } else {
            try {
                dataset = datasets.find(datasetId);
                if (dataset.status() != OnboardingStatus.ACTIVE) {
                    errors.put("dataset", "Only an active dataset can be transferred (this one is " + dataset.status() + ")");
                }
            } catch (NoSuchElementException | AccessDeniedException e) {
                errors.put("dataset", "No dataset of yours with that id");
            }
        }
        List<String> embassies = sites.all().stream().filter(s -> s.role() == ConfiguredSite.Role.EMBASSY)
                .map(s -> s.id().value()).toList();
        if (siteId == null || !embassies.contains(siteId)) {
            errors.put("site", "Choose an embassy site: " + String.join(", ", embassies));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        access.require("transfer.request", dataset.subject(), Map.of("owner", dataset.requestedBy()));
        return start(dataset, siteId, "replication", currentUser.requireUsername());
    }

    /**
     * The replication schedule: for every ACTIVE dataset and each of its embassy sites whose verified recovery
     * point is older than the dataset's recovery-point target or {@code interval}, whichever is shorter (or
     * missing), and with no transfer of that pair in flight, starts a
     * transfer — which asks the treaty rules again, so a newly published rule or a suspended agreement stops it.
     * Returns the transfers started. SYSTEM only.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public List<TransferRequest> scheduleDue(Duration interval) {
        List<TransferRequest> started = new ArrayList<>();
        String scheduler = currentUser.requireUsername();
        for (OnboardingRequest dataset : datasets.activeDatasets()) {
            Map<String, Duration> age = new LinkedHashMap<>();
            replication.status(dataset.id()).forEach(s -> age.put(s.site(), s.recoveryPointAge()));
            Duration target = Duration.ofHours(dataset.recoveryPointHours());
            Duration limit = target.compareTo(interval) < 0 ? target : interval;
            for (String site : dataset.targetSites()) {
                Duration recoveryPoint = age.get(site);
                boolean due = recoveryPoint == null || recoveryPoint.compareTo(limit) >= 0;
                if (due && !transfers.inFlight(dataset.id(), site)) {
                    started.add(start(dataset, site, "replication", scheduler));
                }
            }
        }
        return started;
    }

    private TransferRequest start(OnboardingRequest dataset, String siteId, String purpose, String by) {
        String id = UUID.randomUUID().toString();
        transfers.insert(id, dataset.id(), dataset.name(), siteId, purpose, by);
        var instance = runtime.startProcessInstanceByKey(CrossBorderTransferVariables.PROCESS_ID, TransferRequest.subject(id),
                Map.of(CrossBorderTransferVariables.TRANSFER_ID, id));
        transfers.attachProcess(id, instance.getId());
        events.publishEvent(new TransferEvent(id, "TRANSFER_REQUESTED", by, "REQUESTED",
                "dataset '" + dataset.name() + "' to " + siteId));
        return transfers.find(id).orElseThrow();
    }

    /** The caller's own transfers, newest first. DATA_OWNER only. */
    @PreAuthorize("hasRole('DATA_OWNER')")
    @Transactional(readOnly = true)
    public List<TransferRequest> mine() {
        return transfers.byRequester(currentUser.requireUsername());
    }

    /** The latest transfers of everyone (at most 200). LEGAL_OFFICER, SECURITY_OFFICER, AUDITOR. */
    @PreAuthorize("hasAnyRole('LEGAL_OFFICER', 'SECURITY_OFFICER', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<TransferRequest> recent() {
        return transfers.recent(200);
    }

    /** One transfer: whoever may read its dataset (its owner, legal and security officers, auditors, workflow steps). */
    @PreAuthorize("hasAnyRole('DATA_OWNER', 'LEGAL_OFFICER', 'SECURITY_OFFICER', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public TransferRequest find(String transferId) {
        TransferRequest t = transfers.find(transferId)
                .orElseThrow(() -> new NoSuchElementException("no transfer " + transferId));
        datasets.find(t.datasetId()); // the authorization policy's dataset.read: a data owner only their own datasets
        return t;
    }

    /** The transfer behind a review task. LEGAL_OFFICER only. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional(readOnly = true)
    public TransferRequest forReviewTask(String taskId) {
        return transfers.find(idOf(task(taskId))).orElseThrow();
    }

    /** A legal officer's decision; a rejection needs a comment; nobody reviews their own request. LEGAL_OFFICER. */
    @PreAuthorize("hasRole('LEGAL_OFFICER')")
    @Transactional
    public void review(String taskId, boolean approve, String comment) {
        String reviewer = currentUser.requireUsername();
        WorkTask task = task(taskId);
        TransferRequest t = transfers.find(idOf(task)).orElseThrow();
        String text = comment == null ? "" : comment.strip();
        if (!approve && text.isEmpty()) {
            throw InvalidInputException.of("comment", "Say why the transfer is rejected");
        }
        if (text.length() > 2000) {
            throw InvalidInputException.of("comment", "At most 2,000 characters");
        }
        access.require("transfer.review", t.subject(), Map.of("requested_by", t.requestedBy()));
        transfers.recordReview(t.id(), reviewer, approve, text);
        workTasks.complete(taskId, Map.of(CrossBorderTransferVariables.REVIEW_APPROVED, approve));
        events.publishEvent(new TransferEvent(t.id(), "TRANSFER_REVIEWED", reviewer, approve ? "APPROVED" : "REJECTED", text));
    }

    /** Workflow step: the treaty's transfer decision, recorded; null outcome when the engine is unavailable. SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public PolicyDecision evaluatePolicy(String transferId) {
        TransferRequest t = transfers.find(transferId).orElseThrow();
        OnboardingRequest dataset = datasets.find(t.datasetId());
        ConfiguredSite home = sites.all().stream().filter(s -> s.role() == ConfiguredSite.Role.HOME).findFirst()
                .orElseThrow(() -> new IllegalStateException("no HOME site configured"));
        Map<String, Object> transfer = Map.of("from_site", home.id().value(), "to_site", t.site(),
                "purpose", t.purpose(), "recipient_state", home.country().value());
        PolicyDecision decision = policy.decide(new PolicyQuery("dataembassy/transfer", t.subject(),
                Map.of("agreement", dataset.agreementId(), "dataset", dataset.policyDataset(), "transfer", transfer,
                        "requester", t.requestedBy())));
        if (!decision.engineUnavailable()) {
            TransferStatus status = switch (decision.outcome()) {
                case ALLOW -> TransferStatus.REPLICATING;
                case REVIEW_REQUIRED -> TransferStatus.IN_REVIEW;
                case DENY -> TransferStatus.REQUESTED; // final status is set by the deny step
            };
            transfers.recordDecision(transferId, status, decision.outcome().name(), decision.reasons().stream()
                    .map(r -> r.code() + " (" + r.agreement() + " " + r.article() + "): " + r.message()).toList());
        }
        return decision;
    }

    /**
     * Workflow step: replicate to the site; throws (the job retries) unless the site completed. Refuses (audited)
     * unless the portal recorded an allow of the treaty rules or an approving review by someone other than the
     * requester, whatever the process variables say. SYSTEM.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public ReplicateResult replicate(String transferId) {
        TransferRequest t = transfers.find(transferId).orElseThrow();
        Optional<String> missing = transfers.approval(transferId).flatMap(RecordedApproval::missing);
        if (missing.isPresent()) {
            throw safeguards.refused("Replicate to the embassy site", t.subject(), missing.get());
        }
        OnboardingRequest dataset = datasets.find(t.datasetId());
        Path source = activation.approvedSource(dataset.id(), "Replicate to the embassy site");
        transfers.recordStatus(transferId, TransferStatus.REPLICATING);
        ReplicateResult result = replication.replicate(dataset.id(), source, List.of(t.site()));
        if (!result.complete()) {
            throw new IllegalStateException("transfer " + transferId + " to " + t.site() + " incomplete: " + result.sites());
        }
        transfers.recordReplica(transferId, result.snapshotId(), result.newChunkBytes());
        return result;
    }

    /** Workflow step: scrub the site; throws unless clean. SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    public ScrubReport verify(String transferId) {
        TransferRequest t = transfers.find(transferId).orElseThrow();
        ScrubReport report = replication.scrub(t.datasetId(), List.of(t.site()));
        if (!report.clean()) {
            throw new IllegalStateException("verification of transfer " + transferId + " found problems: " + report.sites());
        }
        return report;
    }

    /** Workflow step: final outcome, with the evidence for a completed transfer. Idempotent. SYSTEM. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void complete(String transferId, TransferStatus outcome) {
        TransferRequest t = transfers.find(transferId).orElseThrow();
        if (t.status() == outcome) {
            return;
        }
        transfers.recordStatus(transferId, outcome);
        String details = outcome == TransferStatus.COMPLETED
                ? "dataset '" + t.datasetName() + "' at " + t.site() + ", snapshot " + t.snapshotId() + " verified"
                : String.join("; ", t.decisionReasons());
        events.publishEvent(new TransferEvent(transferId, "TRANSFER_" + outcome.name(), "system:workflow",
                outcome.name(), details));
    }

    private WorkTask task(String taskId) {
        return workTasks.find(taskId).orElseThrow(() -> new NoSuchElementException("no open task " + taskId));
    }

    private static String idOf(WorkTask task) {
        String prefix = TransferRequest.subject("");
        if (task.businessKey() == null || !task.businessKey().startsWith(prefix)) {
            throw new NoSuchElementException("task " + task.id() + " is not about a transfer");
        }
        return task.businessKey().substring(prefix.length());
    }
}
