package org.dataembassy.portal.workflow.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may see a process page. */
class ProcessAccessTests {

    private static final Set<String> ONBOARDING_ROLES = Set.of("LEGAL_OFFICER", "SECURITY_OFFICER");

    @Test
    void administratorsAndAuditorsSeeEveryProcess() {
        assertThat(ProcessAccess.maySee(Set.of("ADMIN"), "ada", Set.of(), null)).isTrue();
        assertThat(ProcessAccess.maySee(Set.of("AUDITOR"), "aude", Set.of(), "dora")).isTrue();
    }

    @Test
    void rolesTakingPartInTheProcessSeeIt() {
        assertThat(ProcessAccess.maySee(Set.of("LEGAL_OFFICER"), "lola", ONBOARDING_ROLES, "dora")).isTrue();
        assertThat(ProcessAccess.maySee(Set.of("SECURITY_OFFICER"), "sam", Set.of("LEGAL_OFFICER"), "dora")).isFalse();
        assertThat(ProcessAccess.maySee(Set.of("EMERGENCY_COMMITTEE"), "cora", ONBOARDING_ROLES, "dora")).isFalse();
    }

    @Test
    void aDataOwnerSeesOnlyWhatTheyAskedFor() {
        assertThat(ProcessAccess.maySee(Set.of("DATA_OWNER"), "dora", ONBOARDING_ROLES, "dora")).isTrue();
        assertThat(ProcessAccess.maySee(Set.of("DATA_OWNER"), "dan", ONBOARDING_ROLES, "dora")).isFalse();
        assertThat(ProcessAccess.maySee(Set.of("DATA_OWNER"), "dan", ONBOARDING_ROLES, null)).isFalse();
        // not even in a process that offers tasks to data owners
        assertThat(ProcessAccess.maySee(Set.of("DATA_OWNER"), "dan", Set.of("DATA_OWNER"), "dora")).isFalse();
    }
}
