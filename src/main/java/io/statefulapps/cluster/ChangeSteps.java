package io.statefulapps.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the steps of a change in order, and when one fails, reports which were done and which were
 * not. Each step must be safe to run again once done (idempotent), so that a retry finishes the job.
 */
final class ChangeSteps {

    /** One write; throws Fabric8's exception or an already translated one. */
    interface Step {
        void run();
    }

    private record Named(String name, Step step) {
    }

    private final List<Named> steps = new ArrayList<>();

    ChangeSteps add(String name, Step step) {
        steps.add(new Named(name, step));
        return this;
    }

    /** Runs every step; returns their names. */
    List<String> run() {
        List<String> done = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Named named = steps.get(i);
            try {
                named.step().run();
            } catch (KubernetesClientException e) {
                throw failed(i, done, KubernetesFailures.translate(named.name(), e));
            } catch (RuntimeException e) {
                throw failed(i, done, e);
            }
            done.add(named.name());
        }
        return done;
    }

    private PartialChangeException failed(int index, List<String> done, RuntimeException failure) {
        List<String> notDone = steps.subList(index, steps.size()).stream().map(Named::name).toList();
        return new PartialChangeException(steps.get(index).name(), done, notDone, failure);
    }
}
