package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A pod's effective requests as the scheduler counts them (max of init containers and the sum of
 * containers), for fitting and for scoring.
 */
final class Resources {

    // schedutil.DefaultMilliCPURequest and DefaultMemoryRequest
    private static final BigDecimal DEFAULT_CPU = new BigDecimal("0.1");
    private static final BigDecimal DEFAULT_MEMORY = BigDecimal.valueOf(200L * 1024 * 1024);

    private Resources() {
    }

    static BigDecimal request(Pod pod, String resource) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Container c : pod.getSpec().getContainers()) {
            sum = sum.add(amount(c, resource));
        }
        for (Container c : pod.getSpec().getInitContainers()) {
            sum = sum.max(amount(c, resource));
        }
        return sum;
    }

    /** The pod's cpu as kube-scheduler's scoring counts it (non-zero requests): 100m for a container without. */
    static long scoredMilliCpu(Pod pod) {
        return scored(pod, "cpu", DEFAULT_CPU).movePointRight(3).longValue();
    }

    /** The pod's memory as kube-scheduler's scoring counts it: 200Mi for a container without a request. */
    static long scoredMemory(Pod pod) {
        return scored(pod, "memory", DEFAULT_MEMORY).longValue();
    }

    private static BigDecimal scored(Pod pod, String resource, BigDecimal missing) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Container c : pod.getSpec().getContainers()) {
            sum = sum.add(amountOr(c, resource, missing));
        }
        for (Container c : pod.getSpec().getInitContainers()) {
            sum = sum.max(amountOr(c, resource, missing));
        }
        return sum;
    }

    private static BigDecimal amountOr(Container c, String resource, BigDecimal missing) {
        boolean given = c.getResources() != null && (c.getResources().getRequests().containsKey(resource)
                || c.getResources().getLimits() != null && c.getResources().getLimits().containsKey(resource));
        return given ? amount(c, resource) : missing;
    }

    private static BigDecimal amount(Container c, String resource) {
        if (c.getResources() == null) {
            return BigDecimal.ZERO;
        }
        Map<String, Quantity> requests = c.getResources().getRequests();
        Quantity q = requests.get(resource);
        if (q == null && c.getResources().getLimits() != null) {
            q = c.getResources().getLimits().get(resource); // requests default to limits
        }
        return q == null ? BigDecimal.ZERO : q.getNumericalAmount();
    }

    static BigDecimal allocatable(Map<String, Quantity> allocatable, String resource) {
        Quantity q = allocatable == null ? null : allocatable.get(resource);
        return q == null ? BigDecimal.ZERO : q.getNumericalAmount();
    }

    /** BestEffort, Burstable or Guaranteed, as the API server derives status.qosClass. */
    static String qosClass(Pod pod) {
        boolean any = false;
        boolean guaranteed = true;
        for (Container c : pod.getSpec().getContainers()) {
            var r = c.getResources();
            Map<String, Quantity> req = r == null ? Map.of() : r.getRequests();
            Map<String, Quantity> lim = r == null ? Map.of() : r.getLimits();
            any |= !req.isEmpty() || !lim.isEmpty();
            for (String name : new String[] {"cpu", "memory"}) {
                Quantity l = lim.get(name);
                Quantity q = req.getOrDefault(name, l);
                guaranteed &= l != null && q != null && l.getNumericalAmount().compareTo(q.getNumericalAmount()) == 0;
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }
}
