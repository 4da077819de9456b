package org.dataembassy.portal.agreements.internal;

import java.util.Map;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.agreements.VersionKind;
import org.dataembassy.portal.agreements.VersionStatus;
import org.dataembassy.portal.identity.SystemAccount;
import org.dataembassy.portal.policy.PolicyTree;
import org.dataembassy.portal.policy.PolicyWorkbench;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Puts the registry in charge of the agreements before OPA starts (OPA starts with the web server, after
 * every singleton is ready): agreements found in the shipped policy folder and not yet in the registry are
 * imported as published version 1, and the bundle served from the start is the shipped rules with every
 * agreement's published version in place — so a restart never runs stale rules, not even briefly.
 */
@Component
class RegistryStartup implements SmartInitializingSingleton {

    static final String SEED_ACCOUNT = "system:seed";
    private static final Logger log = LoggerFactory.getLogger(RegistryStartup.class);

    private final AgreementStore store;
    private final PublishedTrees trees;
    private final PolicyWorkbench workbench;
    private final TransactionTemplate transactions;

    RegistryStartup(AgreementStore store, PublishedTrees trees, PolicyWorkbench workbench,
                    TransactionTemplate transactions) {
        this.store = store;
        this.trees = trees;
        this.workbench = workbench;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        SystemAccount.runAs(SEED_ACCOUNT, () -> {
            PolicyTree baseline = workbench.baseline();
            transactions.executeWithoutResult(status -> importSeeds(baseline));
            PolicyTree published = trees.current();
            if (!published.files().equals(baseline.files())) {
                String revision = store.lastPublication().map(trees::revision).orElse(baseline.revision() + "+registry");
                workbench.serveAtStartup(published.withRevision(revision));
                log.info("serving the registry's published agreements as revision {}", revision);
            }
        });
    }

    private void importSeeds(PolicyTree baseline) {
        for (Map.Entry<String, DraftContent> seed : AgreementFiles.agreementsIn(baseline).entrySet()) {
            String key = seed.getKey();
            if (store.exists(key) || !AgreementFiles.isKey(key)) {
                if (!AgreementFiles.isKey(key)) {
                    log.warn("policy folder agreement {} has no registry key (xx_yy[_suffix]); left to the folder", key);
                }
                continue;
            }
            var terms = TermsJson.parseOrEmpty(seed.getValue().termsJson());
            store.insertAgreement(key, key.replace('_', '-'), SEED_ACCOUNT);
            store.insertVersion(key, 1, VersionStatus.DRAFT, VersionKind.SEED, null, TermsJson.title(terms),
                    TermsJson.lifecycle(terms), seed.getValue(), SEED_ACCOUNT);
            store.markPublished(key, 1, SEED_ACCOUNT, baseline.revision());
            log.info("imported agreement {} from the policy folder as published v1", key);
        }
    }
}
