package org.dataembassy.portal.soak;

/** A browser step that did not get where it should: counted by kind, the journey given up, the browser replaced. */
final class StepFailure extends RuntimeException {

    private final Recorder.Kind kind;
    private final String step;

    StepFailure(Recorder.Kind kind, String step, String message, Throwable cause) {
        super(step + ": " + message, cause);
        this.kind = kind;
        this.step = step;
    }

    Recorder.Kind kind() {
        return kind;
    }

    String step() {
        return step;
    }
}
