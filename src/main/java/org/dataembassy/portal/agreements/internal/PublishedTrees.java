package org.dataembassy.portal.agreements.internal;

import java.util.Map;
import org.dataembassy.portal.agreements.AgreementVersion;
import org.dataembassy.portal.agreements.DraftContent;
import org.dataembassy.portal.policy.PolicyTree;
import org.dataembassy.portal.policy.PolicyWorkbench;
import org.springframework.stereotype.Component;

/** The policy tree OPA runs: the shipped rules with every agreement's published version in place. */
@Component
public class PublishedTrees {

    private final AgreementStore store;
    private final PolicyWorkbench workbench;

    PublishedTrees(AgreementStore store, PolicyWorkbench workbench) {
        this.store = store;
        this.workbench = workbench;
    }

    /**
     * The shipped rules with every agreement's published version in place; agreements with no published
     * version are left out. A published version identical to the shipped files keeps those files as they are.
     */
    public PolicyTree current() {
        PolicyTree baseline = workbench.baseline();
        Map<String, DraftContent> shipped = AgreementFiles.agreementsIn(baseline);
        PolicyTree tree = baseline;
        for (String key : shipped.keySet()) {
            if (AgreementFiles.isKey(key)) { // others are not imported (RegistryStartup) and stay as shipped
                tree = AgreementFiles.withAgreement(tree, key, null);
            }
        }
        for (AgreementVersion v : store.published()) {
            DraftContent original = shipped.get(v.agreementKey());
            boolean unchanged = original != null && original.termsJson().equals(v.termsJson())
                    && original.regoSource().equals(v.regoSource()) && original.testsSource().equals(v.testsSource());
            if (unchanged) {
                for (String path : baseline.files().keySet()) {
                    if (path.startsWith(AgreementFiles.folder(v.agreementKey()))) {
                        tree = tree.with(path, baseline.files().get(path));
                    }
                }
            } else {
                tree = AgreementFiles.withAgreement(tree, v.agreementKey(), v.content());
            }
        }
        return tree;
    }

    /** The revision of publication {@code seq}: the shipped rules' revision plus the registry's counter. */
    public String revision(long seq) {
        return workbench.baseline().revision() + "+r" + seq;
    }
}
