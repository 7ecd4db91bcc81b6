package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays a cloud's service controller: a LoadBalancer Service gets
 * {@code status.loadBalancer.ingress[0].ip} (192.168.x.y) after loadBalancerDelay. It stays
 * without an address, like a cluster with no LB controller for it, when it has the annotation
 * {@code stateful-apps.io/simulate-no-lb: "true"} or a {@code spec.loadBalancerClass}. Each
 * Service is served once: an ingress patched by hand, or emptied by hand, is left as it is.
 */
final class LoadBalancerController extends KindController<Service> {

    static final String NO_LB = "stateful-apps.io/simulate-no-lb";
    private static final EventRecorder.Source SOURCE = EventRecorder.Source.of("service-controller");

    /** A Service by uid: since when it waits for its address, and whether it has been served. */
    private record Seen(String uid, Instant since, boolean served) {
    }

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();
    private int next;

    LoadBalancerController(ControllerContext context) {
        super(context, context.informers().services);
        lookAtEveryChange();
    }

    @Override
    Instant reconcile(String key, Service svc) {
        Seen known = seen.get(key);
        if (svc == null || known != null && !known.uid().equals(svc.getMetadata().getUid())) {
            seen.remove(key);
            known = null;
        }
        if (svc == null || !"LoadBalancer".equals(svc.getSpec().getType()) || known != null && known.served()
                || svc.getSpec().getLoadBalancerClass() != null
                || "true".equals(svc.getMetadata().getAnnotations().get(NO_LB))) {
            return null;
        }
        String uid = svc.getMetadata().getUid();
        if (svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null
                && !svc.getStatus().getLoadBalancer().getIngress().isEmpty()) {
            seen.put(key, new Seen(uid, clock.instant(), true)); // someone gave it an address already
            return null;
        }
        Instant now = clock.instant();
        if (known == null) {
            known = new Seen(uid, now, false);
            seen.put(key, known);
            events.record(svc, EventRecorder.NORMAL, "EnsuringLoadBalancer", "Ensuring load balancer", SOURCE);
        }
        Instant due = known.since().plus(settings.loadBalancerDelay());
        if (now.isBefore(due)) {
            return due;
        }
        int n = next++;
        String ip = "192.168." + (n / 250 % 256) + "." + (n % 250 + 2);
        Service copy = new ServiceBuilder(svc).withNewStatus().withNewLoadBalancer()
                .withIngress(new LoadBalancerIngressBuilder().withIp(ip).withIpMode("VIP").build())
                .endLoadBalancer().endStatus().build();
        if (writer.updateStatus(copy).ok()) {
            events.record(svc, EventRecorder.NORMAL, "EnsuredLoadBalancer", "Ensured load balancer", SOURCE);
            seen.put(key, new Seen(uid, known.since(), true));
        }
        return null;
    }
}
