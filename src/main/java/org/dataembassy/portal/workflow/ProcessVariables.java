package org.dataembassy.portal.workflow;

import org.camunda.bpm.engine.delegate.VariableScope;

/** What every {@code <Process>Variables} class reads the same way. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    /** The non-blank text variable {@code name} (an id); a missing or blank one is a broken process, not a value. */
    public static String requiredText(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new IllegalStateException("process variable " + name + " is missing");
        }
        return text;
    }
}
