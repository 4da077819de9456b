package org.dataembassy.portal.activation.ui;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dataembassy.portal.activation.EmergencyActivation;
import org.dataembassy.portal.activation.EmergencyActivations;
import org.dataembassy.portal.shell.ShellNotice;
import org.springframework.stereotype.Component;

/** "ACTIVE" in every page's frame while the embassy serves a real (not rehearsal) activation. */
@Component
class ActivationNotice implements ShellNotice {

    private final EmergencyActivations activations;

    ActivationNotice(EmergencyActivations activations) {
        this.activations = activations;
    }

    @Override
    public Optional<String> text() {
        List<EmergencyActivation> serving = activations.serving();
        if (serving.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("ACTIVE: emergency activation at " + serving.stream()
                .map(a -> a.site() + " (" + a.agreementKey() + ")").distinct().collect(Collectors.joining(", ")));
    }
}
