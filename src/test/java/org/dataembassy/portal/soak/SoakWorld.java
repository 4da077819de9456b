package org.dataembassy.portal.soak;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** What the workers share: where the portal is, the soak's agreements, and what the journeys have reached. */
final class SoakWorld {

    final String baseUrl;
    final Path dataDir;
    final Path screenshots;
    final Recorder recorder;
    final String apiAgreement;
    final String uiAgreement;
    final AtomicInteger sequence = new AtomicInteger();
    /** Set once a dataset of the soak is ACTIVE at embassy-lu: a real activation has something to restore. */
    final AtomicBoolean datasetActive = new AtomicBoolean();
    final AtomicBoolean realActivationDone = new AtomicBoolean();
    /** Open workflow incidents as the System status page last showed them (-1: not seen yet). */
    final AtomicInteger lastIncidents = new AtomicInteger(-1);

    SoakWorld(String baseUrl, Path dataDir, Path screenshots, Recorder recorder, String apiAgreement, String uiAgreement) {
        this.baseUrl = baseUrl;
        this.dataDir = dataDir;
        this.screenshots = screenshots;
        this.recorder = recorder;
        this.apiAgreement = apiAgreement;
        this.uiAgreement = uiAgreement;
    }

    /** A fresh suffix for names the journeys create (dataset names, folders). */
    String next() {
        return String.format("%03d", sequence.incrementAndGet());
    }
}
