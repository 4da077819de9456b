package org.dataembassy.portal.activation.process;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.dataembassy.portal.activation.EmergencyActivations;

/** The process's variables: the activation id, the policy gateway flag and the notice's due date. */
final class ActivationVariables {

    private ActivationVariables() {
    }

    static String activationId(DelegateExecution execution) {
        Object id = execution.getVariable(EmergencyActivations.ACTIVATION_ID);
        if (!(id instanceof String s) || s.isBlank()) {
            throw new IllegalStateException("process variable " + EmergencyActivations.ACTIVATION_ID + " is missing");
        }
        return s;
    }

    static void policyOutcome(DelegateExecution execution, String outcome) {
        execution.setVariable(EmergencyActivations.POLICY_OUTCOME, outcome);
    }

    static void noticeDue(DelegateExecution execution, Instant due) {
        execution.setVariable(EmergencyActivations.NOTICE_DUE, Date.from(due));
    }
}
