package org.dataembassy.portal.activation;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.dataembassy.portal.workflow.ProcessVariables;

/** Names and typed accessors of the EmergencyActivationProcess variables (ids, gateway flags, the notice's due date). */
public final class EmergencyActivationVariables {

    public static final String PROCESS_ID = "EmergencyActivationProcess";
    /** The activation's id (row of emergency_activation). */
    public static final String ACTIVATION_ID = "activationId";
    /** ALLOW, REVIEW_REQUIRED or DENY, of the conditions and then of the quorum. */
    public static final String POLICY_OUTCOME = "policyOutcome";
    /** When the host state's receipt of the notice is due (a Date: the timer and the task's due date read it). */
    public static final String NOTICE_DUE = "noticeDue";

    private EmergencyActivationVariables() {
    }

    public static String activationId(VariableScope scope) {
        return ProcessVariables.requiredText(scope, ACTIVATION_ID);
    }

    public static void policyOutcome(VariableScope scope, String outcome) {
        scope.setVariable(POLICY_OUTCOME, outcome);
    }

    public static void noticeDue(VariableScope scope, Instant due) {
        scope.setVariable(NOTICE_DUE, Date.from(due));
    }
}
