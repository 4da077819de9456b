package org.dataembassy.portal.soak;

/** Publishes a new version of the soak's API agreement every {@code period} until the deadline. */
final class PublicationLoop implements Runnable {

    private final AgreementPublications publications;
    private final String key;
    private final Recorder recorder;
    private final long periodMillis;
    private final long deadlineMillis;

    PublicationLoop(AgreementPublications publications, String key, Recorder recorder, long periodMillis, long deadlineMillis) {
        this.publications = publications;
        this.key = key;
        this.recorder = recorder;
        this.periodMillis = periodMillis;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public void run() {
        int round = 1;
        long next = recorder.nowMillis();
        while (next < deadlineMillis && !Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(Math.max(0, next - recorder.nowMillis()));
            } catch (InterruptedException e) {
                return;
            }
            if (publications.publishNext(key, round++)) {
                recorder.count("api agreement versions published");
            }
            next += periodMillis;
        }
    }
}
