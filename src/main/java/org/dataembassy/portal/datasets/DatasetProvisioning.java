package org.dataembassy.portal.datasets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.dataembassy.portal.datasets.internal.OnboardingRequestStore;
import org.dataembassy.portal.datasets.internal.SourceFolders;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.policy.AccessPolicy;
import org.dataembassy.portal.policy.PolicyDecision;
import org.dataembassy.portal.policy.PolicyDecisions;
import org.dataembassy.portal.policy.PolicyQuery;
import org.dataembassy.portal.replication.ConfiguredSite;
import org.dataembassy.portal.replication.ConfiguredSites;
import org.dataembassy.portal.replication.DatasetReplication;
import org.dataembassy.portal.replication.Progress;
import org.dataembassy.portal.replication.ReplicateResult;
import org.dataembassy.portal.replication.ScrubReport;
import org.dataembassy.portal.replication.SiteStatus;
import org.dataembassy.portal.shared.InvalidInputException;
import org.dataembassy.portal.shared.PortalProperties;
import org.dataembassy.portal.workflow.RecordedApproval;
import org.dataembassy.portal.workflow.StepSafeguards;
import org.dataembassy.portal.workflow.WorkTask;
import org.dataembassy.portal.workflow.WorkTasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The part of onboarding after acceptance: a security officer approves the keys, the source folder and the
 * embassy sites (approving creates the dataset's data key, wrapped by the state's KEK); the workflow then
 * replicates to those sites, verifies them with a scrub and activates the dataset. Source folders must lie
 * under {@code dataembassy.datasets.source-roots}, so no officer can ship an arbitrary server folder abroad.
 * (Named "provisioning", not "activation", so it is not confused with the {@code activation} module's emergency
 * activation; the dataset's last status is still ACTIVE.)
 */
@Service
public class DatasetProvisioning {

    private final OnboardingRequestStore requests;
    private final DatasetReplication replication;
    private final ConfiguredSites sites;
    private final WorkTasks workTasks;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final PolicyDecisions policy;
    private final SourceFolders sourceFolders;
    private final AccessPolicy access;
    private final StepSafeguards safeguards;
    private final TransactionTemplate ownTransaction;
    private final TransactionTemplate transactions;

    DatasetProvisioning(OnboardingRequestStore requests, DatasetReplication replication, ConfiguredSites sites,
                      WorkTasks workTasks, CurrentUser currentUser, ApplicationEventPublisher events,
                      PolicyDecisions policy, PlatformTransactionManager transactions,
                      AccessPolicy access, StepSafeguards safeguards,
                      DatasetsProperties settings, PortalProperties portal) {
        this.policy = policy;
        this.access = access;
        this.safeguards = safeguards;
        this.transactions = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.requests = requests;
        this.replication = replication;
        this.sites = sites;
        this.workTasks = workTasks;
        this.currentUser = currentUser;
        this.events = events;
        this.sourceFolders = new SourceFolders(settings.sourceRoots().isEmpty()
                ? List.of(portal.home().resolve("sources").toString()) : settings.sourceRoots());
    }

    /** Folders under which dataset sources may lie. SECURITY_OFFICER and ADMIN. */
    @PreAuthorize("hasAnyRole('SECURITY_OFFICER', 'ADMIN')")
    public List<Path> sourceRoots() {
        return sourceFolders.roots();
    }

    /** The embassy sites a dataset may be replicated to. Any signed-in user. */
    @PreAuthorize("isAuthenticated()")
    public List<ConfiguredSite> embassySites() {
        return sites.all().stream().filter(s -> s.role() == ConfiguredSite.Role.EMBASSY).toList();
    }

    /** The request behind a keys task. SECURITY_OFFICER only. */
    @PreAuthorize("hasRole('SECURITY_OFFICER')")
    @Transactional(readOnly = true)
    public OnboardingRequest forKeysTask(String taskId) {
        return requests.find(OnboardingRequest.idOf(task(taskId))).orElseThrow();
    }

    /**
     * A security officer's decision: approving checks the folder and sites, creates the dataset's keys and lets
     * the workflow replicate; refusing needs a comment and ends the request as rejected. The keys go to the sites
     * before the decision is recorded, in its own transaction, so no database connection waits on a site.
     * SECURITY_OFFICER only.
     */
    @PreAuthorize("hasRole('SECURITY_OFFICER')")
    public void decideKeys(String taskId, boolean approve, String sourceFolder, List<String> siteIds, String comment) {
        WorkTask task = task(taskId);
        String requestId = OnboardingRequest.idOf(task);
        String officer = currentUser.requireUsername();
        OnboardingRequest request = requests.find(requestId).orElseThrow();
        access.require("onboarding.keys", request.subject(), Map.of("requested_by", request.requestedBy()));
        String text = comment == null ? "" : comment.strip();
        if (text.length() > 2000) {
            throw InvalidInputException.of("comment", "At most 2,000 characters");
        }
        if (!approve) {
            if (text.isEmpty()) {
                throw InvalidInputException.of("comment", "Say why the keys are refused");
            }
            transactions.executeWithoutResult(t -> {
                requests.recordKeysRefusal(requestId, officer, text);
                workTasks.complete(taskId, Map.of(DatasetOnboardingVariables.KEYS_APPROVED, false));
                events.publishEvent(new DatasetKeysDecided(requestId, officer, false, List.of(), text));
            });
            return;
        }
        Map<String, String> errors = new LinkedHashMap<>();
        Path source = checkSource(sourceFolder, errors);
        List<String> chosen = checkSites(siteIds, errors);
        if (!errors.containsKey("sites")) {
            checkTreatyAllows(request, chosen, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        // Keys are written to every site outside any transaction: a slow or unreachable site must not hold a
        // pooled connection. Idempotent: a repeated approval finds the keys there.
        replication.ensureDataset(requestId);
        transactions.executeWithoutResult(t -> {
            requests.recordKeysApproval(requestId, officer, source.toString(), chosen);
            workTasks.complete(taskId, Map.of(DatasetOnboardingVariables.KEYS_APPROVED, true));
            events.publishEvent(new DatasetKeysDecided(requestId, officer, true, chosen, text));
        });
    }

    /**
     * Workflow step: the first replication; throws (so the job retries) unless every site completed. Refuses
     * (audited) unless the request's acceptance and the keys approval by a security officer other than the
     * requester are recorded, and the approved folder still lies under a source root. SYSTEM only.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public ReplicateResult replicate(String requestId) {
        OnboardingRequest request = requests.find(requestId).orElseThrow();
        Path source = approvedSource(request, "Replicate to the embassy sites");
        // Committed at once (not with the job), so owners see REPLICATING and the progress bar while it runs.
        ownTransaction.executeWithoutResult(t -> requests.recordStatus(requestId, OnboardingStatus.REPLICATING));
        ReplicateResult result = replication.replicate(requestId, source, request.targetSites());
        if (!result.complete()) {
            throw new IllegalStateException("replication of " + requestId + " incomplete: " + result.sites());
        }
        return result;
    }

    /** Workflow step: scrub every chosen site; throws unless clean. SYSTEM only. */
    @PreAuthorize("hasRole('SYSTEM')")
    public ScrubReport verify(String requestId) {
        OnboardingRequest request = requests.find(requestId).orElseThrow();
        ScrubReport report = replication.scrub(requestId, request.targetSites());
        if (!report.clean()) {
            throw new IllegalStateException("verification of " + requestId + " found problems: " + report.sites());
        }
        return report;
    }

    /** Workflow step: the dataset is active. Idempotent. SYSTEM only. */
    @PreAuthorize("hasRole('SYSTEM')")
    @Transactional
    public void activate(String requestId) {
        OnboardingRequest request = requests.find(requestId).orElseThrow();
        if (request.status() == OnboardingStatus.ACTIVE) {
            return;
        }
        requests.recordStatus(requestId, OnboardingStatus.ACTIVE);
        events.publishEvent(new OnboardingCompleted(requestId, OnboardingStatus.ACTIVE, "dataset '" + request.name()
                + "' replicated to " + String.join(", ", request.targetSites()) + " and verified"));
    }

    /** Per-site replica status of a dataset (empty before its keys exist). Any signed-in user who may see it. */
    @PreAuthorize("isAuthenticated()")
    public List<SiteStatus> replicas(String requestId) {
        return replication.status(requestId);
    }

    /** Progress of a running replication, for a progress bar. Any signed-in user. */
    @PreAuthorize("isAuthenticated()")
    public Optional<Progress> progress(String requestId) {
        return replication.progress(requestId);
    }

    /**
     * The approved source folder of an ACTIVE (or accepted) dataset, for a replication step: refuses (audited)
     * unless a security officer other than the requester approved the keys and the folder still resolves under
     * a source root. SYSTEM only.
     */
    @PreAuthorize("hasRole('SYSTEM')")
    public Path approvedSource(String requestId, String step) {
        return approvedSource(requests.find(requestId).orElseThrow(), step);
    }

    private Path approvedSource(OnboardingRequest request, String step) {
        Optional<String> missing = requests.approval(request.id()).flatMap(RecordedApproval::missing);
        if (missing.isEmpty() && (request.keysApprovedBy() == null || request.sourceLocation() == null
                || request.targetSites().isEmpty())) {
            missing = Optional.of("no approval of keys, folder and sites by a security officer is recorded");
        } else if (missing.isEmpty() && request.keysApprovedBy().equals(request.requestedBy())) {
            missing = Optional.of("the keys were approved by the requester (" + request.requestedBy() + ")");
        }
        if (missing.isPresent()) {
            throw safeguards.refused(step, request.subject(), missing.get());
        }
        return sourceFolders.recheck(request.sourceLocation());
    }

    private Path checkSource(String folder, Map<String, String> errors) {
        SourceFolders.Confined confined = sourceFolders.confine(folder);
        if (confined.path().isEmpty()) {
            errors.put("sourceFolder", confined.problem());
            return null;
        }
        return confined.path().get();
    }

    /**
     * The first replication is a transfer too: each chosen site must be one the agreement's transfer rules allow
     * (asked of the real OPA as the officer approves; recorded like every decision). A site needing review or
     * denied is refused here; it can be requested as a transfer once the dataset is active.
     */
    private void checkTreatyAllows(OnboardingRequest request, List<String> chosen, Map<String, String> errors) {
        ConfiguredSite home = sites.all().stream().filter(s -> s.role() == ConfiguredSite.Role.HOME).findFirst()
                .orElseThrow(() -> new IllegalStateException("no HOME site configured"));
        List<String> refused = new ArrayList<>();
        for (String site : chosen) {
            PolicyDecision decision = policy.decide(new PolicyQuery("dataembassy/transfer", request.subject(),
                    Map.of("agreement", request.agreementId(), "dataset", request.policyDataset(), "transfer", Map.of(
                            "from_site", home.id().value(), "to_site", site, "purpose", "replication",
                            "recipient_state", home.country().value()))));
            if (!decision.allowed()) {
                refused.add(site + ": " + (decision.reasons().isEmpty() ? decision.outcome().name()
                        : decision.reasons().get(0).code() + " (" + decision.reasons().get(0).agreement() + " "
                        + decision.reasons().get(0).article() + ")"));
            }
        }
        if (!refused.isEmpty()) {
            errors.put("sites", "The treaty rules do not allow " + String.join("; ", refused));
        }
    }

    private List<String> checkSites(List<String> siteIds, Map<String, String> errors) {
        Set<String> allowed = new LinkedHashSet<>(embassySites().stream().map(s -> s.id().value()).toList());
        if (siteIds == null || siteIds.isEmpty()) {
            errors.put("sites", "Choose at least one embassy site");
            return List.of();
        }
        for (String id : siteIds) {
            if (!allowed.contains(id)) {
                errors.put("sites", "'" + id + "' is not an embassy site; one of " + String.join(", ", allowed));
            }
        }
        return List.copyOf(new LinkedHashSet<>(siteIds));
    }

    private WorkTask task(String taskId) {
        return workTasks.find(taskId).orElseThrow(() -> new NoSuchElementException("no open task " + taskId));
    }

}
