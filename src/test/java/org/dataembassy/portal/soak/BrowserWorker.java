package org.dataembassy.portal.soak;

import java.util.List;

/**
 * One headless Chromium walking its journeys round and round until the deadline. A failed step is counted, the
 * journey given up, and the browser replaced by a fresh one (as a person would reload), so one failure does not
 * cascade; a journey begun before the deadline is walked to its end.
 */
final class BrowserWorker implements Runnable {

    private final String name;
    private final List<Journey> journeys;
    private final SoakWorld world;
    private final long deadlineMillis;

    BrowserWorker(String name, List<Journey> journeys, SoakWorld world, long deadlineMillis) {
        this.name = name;
        this.journeys = journeys;
        this.world = world;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public void run() {
        Recorder recorder = world.recorder;
        SoakBrowser browser = null;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (Journey journey : journeys) {
                    if (recorder.nowMillis() >= deadlineMillis || Thread.currentThread().isInterrupted()) {
                        return;
                    }
                    if (browser == null) {
                        try {
                            browser = new SoakBrowser(world.baseUrl, recorder, world.screenshots, name);
                        } catch (RuntimeException e) {
                            recorder.failure(Recorder.Kind.STEP_FAILURE, name + " / start Chromium", e.toString());
                            Thread.sleep(10_000);
                            continue;
                        }
                    }
                    long start = recorder.nowMillis();
                    try {
                        journey.walk(browser);
                        recorder.call("journey:" + journey.name(), start, Recorder.Kind.OK);
                        recorder.count("journey completed: " + journey.name());
                    } catch (StepFailure e) {
                        recorder.call("journey:" + journey.name(), start, e.kind());
                        recorder.failure(e.kind(), name + " / " + journey.name() + " / " + e.step(), e.getMessage());
                        browser.close();
                        browser = null;
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        recorder.call("journey:" + journey.name(), start, Recorder.Kind.STEP_FAILURE);
                        recorder.failure(Recorder.Kind.STEP_FAILURE, name + " / " + journey.name(), e.toString());
                        browser.close();
                        browser = null;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (browser != null) {
                browser.close();
            }
        }
    }
}
