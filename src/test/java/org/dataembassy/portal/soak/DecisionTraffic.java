package org.dataembassy.portal.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * An API client asking for decisions at a steady rate (open loop: a slow answer does not slow the schedule, a late
 * client skips the requests it missed instead of bursting) until the deadline.
 */
final class DecisionTraffic implements Runnable {

    private final ApiClient client;
    private final Recorder recorder;
    private final double perSecond;
    private final long deadlineMillis;

    DecisionTraffic(ApiClient client, Recorder recorder, double perSecond, long deadlineMillis) {
        this.client = client;
        this.recorder = recorder;
        this.perSecond = perSecond;
        this.deadlineMillis = deadlineMillis;
    }

    @Override
    public void run() {
        long start = recorder.nowMillis();
        long i = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long due = start + Math.round(i * 1000 / perSecond);
            long now = recorder.nowMillis();
            if (due >= deadlineMillis) {
                return;
            }
            if (due > now) {
                try {
                    Thread.sleep(due - now);
                } catch (InterruptedException e) {
                    return;
                }
            } else if (now - due > 1000) {
                i += (long) ((now - due) * perSecond / 1000); // fell behind: skip, do not burst
                continue;
            }
            ask(DecisionMix.nth(i));
            i++;
        }
    }

    private void ask(ApiCase c) {
        Optional<ApiClient.Reply> reply = client.send(c.name(), c.method(), c.path(), c.body(), c.contentType(), c.expected());
        if (reply.isEmpty() || c.outcome() == null || reply.get().status() != 200) {
            return;
        }
        JsonNode answer = reply.get().json();
        String outcome = answer.path("outcome").asText();
        if (answer.path("reasons").findValuesAsText("code").contains("POLICY_ENGINE_UNAVAILABLE")) {
            recorder.failure(Recorder.Kind.ENGINE_UNAVAILABLE, c.path(), "fail-closed deny: " + ApiClient.snippet(reply.get().body()));
        } else if (!c.outcome().equals(outcome)) {
            recorder.failure(Recorder.Kind.WRONG_ANSWER, c.path(), "expected " + c.outcome() + ", got "
                    + ApiClient.snippet(reply.get().body()));
        }
    }
}
