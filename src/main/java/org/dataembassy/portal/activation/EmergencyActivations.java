package org.dataembassy.portal.activation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.dataembassy.portal.activation.internal.ActivationStore;
import org.dataembassy.portal.activation.internal.Committee;
import org.dataembassy.portal.activation.internal.KeyShareVault;
import org.dataembassy.portal.activation.internal.ShareChecks;
import org.dataembassy.portal.agreements.ActivationTerms;
import org.dataembassy.portal.agreements.AgreementTerms;
import org.dataembassy.portal.datasets.DatasetOnboarding;
import org.dataembassy.portal.datasets.OnboardingRequest;
import org.dataembassy.portal.identity.CurrentUser;
import org.dataembassy.portal.replication.ConfiguredSite;
import org.dataembassy.portal.replication.ConfiguredSites;
import org.dataembassy.portal.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Emergency activation, as the committee starts and follows it: a member on the roster triggers with a
 * justification, the emergency type, declarations, an agreement and an embassy site (and, after a key ceremony,
 * their key share); the {@code EmergencyActivationProcess} then asks the treaty rules, collects the committee's
 * votes ({@link CommitteeVotes}), notifies the host state, releases the key, restores the datasets for service
 * and waits for a stand-down. Bad input is refused by field and starts nothing. Key shares are held in memory only.
 */
@Service
public class EmergencyActivations {


    private final ActivationStore store;
    private final Committee committee;
    private final ShareChecks shareChecks;
    private final KeyShareVault vault;
    private final AgreementTerms agreementTerms;
    private final DatasetOnboarding datasets;
    private final ConfiguredSites sites;
    private final RuntimeService runtime;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    EmergencyActivations(ActivationStore store, Committee committee, ShareChecks shareChecks, KeyShareVault vault,
                         AgreementTerms agreementTerms, DatasetOnboarding datasets, ConfiguredSites sites,
                         RuntimeService runtime, CurrentUser currentUser, ApplicationEventPublisher events) {
        this.store = store;
        this.committee = committee;
        this.shareChecks = shareChecks;
        this.vault = vault;
        this.agreementTerms = agreementTerms;
        this.datasets = datasets;
        this.sites = sites;
        this.runtime = runtime;
        this.currentUser = currentUser;
        this.events = events;
    }

    /** A committee member triggers an activation (or a rehearsal of one). EMERGENCY_COMMITTEE on the roster. */
    @PreAuthorize("hasRole('EMERGENCY_COMMITTEE')")
    @Transactional
    public EmergencyActivation trigger(TriggerRequest r) {
        String member = currentUser.requireUsername();
        String role = committee.requireVoter(member); // the trigger is the member's first vote
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<ActivationTerms> terms = r.agreementKey() == null ? Optional.empty() : agreementTerms.activationTerms(r.agreementKey());
        if (terms.isEmpty()) {
            errors.put("agreement", "Choose a published agreement with activation terms");
        }
        List<String> embassies = embassySites();
        if (r.site() == null || !embassies.contains(r.site())) {
            errors.put("site", "Choose an embassy site: " + String.join(", ", embassies));
        }
        if (r.emergencyType() == null) {
            errors.put("emergencyType", "Choose the type of emergency");
        }
        String justification = r.justification() == null ? "" : r.justification().strip();
        if (justification.length() < 10) {
            errors.put("justification", "Say why the embassy must be activated (at least 10 characters)");
        } else if (justification.length() > 2000) {
            errors.put("justification", "At most 2,000 characters");
        }
        Set<String> unknown = new TreeSet<>(r.declarations());
        unknown.removeAll(knownDeclarations());
        if (!unknown.isEmpty()) {
            errors.put("declarations", "Unknown declaration(s): " + String.join(", ", unknown));
        }
        List<OnboardingRequest> chosen = terms.isPresent() && !errors.containsKey("site")
                ? chooseDatasets(terms.get().agreementKey(), r.site(), r.datasetIds(), errors) : List.of();
        Optional<String> share = Optional.empty();
        if (!r.rehearsal()) {
            try {
                share = shareChecks.check(member, r.keyShare());
            } catch (InvalidInputException e) {
                errors.putAll(e.fieldErrors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ActivationTerms t = terms.get();
        String id = UUID.randomUUID().toString();
        store.insert(id, t.agreementKey(), r.site(), r.emergencyType(), justification, r.declarations(), r.rehearsal(),
                member, role, t.quorumM(), t.quorumN(), t.noticeHours());
        chosen.forEach(d -> store.insertDataset(id, d.id(), d.name()));
        store.insertVote(id, VoteKind.ACTIVATE, 0, member, role, true, share.isPresent());
        var instance = runtime.startProcessInstanceByKey(EmergencyActivationVariables.PROCESS_ID, EmergencyActivation.subject(id),
                Map.of(EmergencyActivationVariables.ACTIVATION_ID, id));
        store.attachProcess(id, instance.getId());
        share.ifPresent(s -> afterCommit(() -> vault.put(id, member, s)));
        events.publishEvent(new ActivationEvent(id, "ACTIVATION_TRIGGERED", member, r.rehearsal() ? "REHEARSAL" : "TRIGGERED",
                (r.rehearsal() ? "rehearsal: " : "") + t.agreementId() + " at " + r.site() + ", " + r.emergencyType()
                        + ", " + chosen.size() + " dataset(s), declarations " + r.declarations() + ": " + justification));
        return store.find(id).orElseThrow();
    }

    private List<OnboardingRequest> chooseDatasets(String agreement, String site, List<String> ids, Map<String, String> errors) {
        List<OnboardingRequest> candidates = datasets.activeDatasets().stream()
                .filter(d -> agreement.equals(d.agreementId()) && d.targetSites().contains(site)).toList();
        if (ids.isEmpty()) {
            if (candidates.isEmpty()) {
                errors.put("datasets", "No active dataset of " + agreement + " is replicated to " + site);
            }
            return candidates;
        }
        List<OnboardingRequest> chosen = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            candidates.stream().filter(d -> d.id().equals(id)).findFirst().ifPresentOrElse(chosen::add,
                    () -> errors.put("datasets", "Not an active dataset of " + agreement + " at " + site + ": " + id));
        }
        return chosen;
    }

    private List<String> embassySites() {
        return sites.all().stream().filter(s -> s.role() == ConfiguredSite.Role.EMBASSY).map(s -> s.id().value()).toList();
    }

    private Set<String> knownDeclarations() {
        Set<String> known = new TreeSet<>();
        agreementTerms.activationTerms().forEach(t -> known.addAll(t.requiredDeclarations()));
        return known;
    }

    static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }

    /** The committee's view of the form: agreements with activation terms, embassy sites, declarations. */
    @PreAuthorize("hasAnyRole('EMERGENCY_COMMITTEE', 'AUDITOR')")
    public TriggerOptions options() {
        return new TriggerOptions(agreementTerms.activationTerms(), embassySites(), List.copyOf(knownDeclarations()),
                committee.members(), shareChecks.ceremonyHeld());
    }

    /** Active datasets an activation of {@code agreement} at {@code site} would serve. EMERGENCY_COMMITTEE. */
    @PreAuthorize("hasRole('EMERGENCY_COMMITTEE')")
    @Transactional(readOnly = true)
    public List<OnboardingRequest> candidateDatasets(String agreement, String site) {
        return datasets.activeDatasets().stream()
                .filter(d -> d.agreementId().equals(agreement) && d.targetSites().contains(site)).toList();
    }

    /** The latest activations and rehearsals (at most 100). The committee and auditors. */
    @PreAuthorize("hasAnyRole('EMERGENCY_COMMITTEE', 'AUDITOR')")
    @Transactional(readOnly = true)
    public List<EmergencyActivation> recent() {
        return store.recent(100);
    }

    /** One activation with its datasets and votes. The committee, auditors and workflow steps. */
    @PreAuthorize("hasAnyRole('EMERGENCY_COMMITTEE', 'AUDITOR', 'SYSTEM')")
    @Transactional(readOnly = true)
    public EmergencyActivation find(String id) {
        return store.find(id).orElseThrow(() -> new NoSuchElementException("no activation " + id));
    }

    /** Real activations the embassy serves now (for the banner every page shows). Any signed-in user. */
    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<EmergencyActivation> serving() {
        return store.serving();
    }

    /** The treaty role of the signed-in member on the roster; empty for anyone else. */
    @PreAuthorize("isAuthenticated()")
    public Optional<String> myTreatyRole() {
        return currentUser.username().flatMap(committee::roleOf);
    }
}
