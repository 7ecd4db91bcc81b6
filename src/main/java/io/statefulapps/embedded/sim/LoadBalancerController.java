package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Plays a cloud's service controller: a LoadBalancer Service gets
 * {@code status.loadBalancer.ingress[0].ip} (192.168.x.y) after loadBalancerDelay. It stays
 * without an address, like a cluster with no LB controller for it, when it has the annotation
 * {@code stateful-apps.io/simulate-no-lb: "true"} or a {@code spec.loadBalancerClass}. Each
 * Service is served once: an ingress patched by hand, or emptied by hand, is left as it is.
 */
final class LoadBalancerController implements Controller {

    static final String NO_LB = "stateful-apps.io/simulate-no-lb";

    private final KubernetesClient client;
    private final ClusterInformers informers;
    private final ClusterWriter writer;
    private final EventRecorder events;
    private final Clock clock;
    private final SimulatorSettings settings;
    private final Map<String, Instant> firstSeen = new HashMap<>();
    private final Set<String> served = new HashSet<>();
    private int next;

    LoadBalancerController(ControllerContext context) {
        this.client = context.client();
        this.informers = context.informers();
        this.writer = context.writer();
        this.events = context.events();
        this.clock = context.clock();
        this.settings = context.settings();
    }

    @Override
    public void reconcile() {
        Instant now = clock.instant();
        Set<String> live = new HashSet<>();
        for (Service svc : informers.services.getStore().list()) {
            String uid = svc.getMetadata().getUid();
            live.add(uid);
            if (!"LoadBalancer".equals(svc.getSpec().getType()) || served.contains(uid) || svc.getSpec().getLoadBalancerClass() != null
                    || "true".equals(svc.getMetadata().getAnnotations().get(NO_LB))) {
                continue;
            }
            if (svc.getStatus() != null && svc.getStatus().getLoadBalancer() != null
                    && !svc.getStatus().getLoadBalancer().getIngress().isEmpty()) {
                served.add(uid); // someone gave it an address already
                continue;
            }
            Instant seen = firstSeen.computeIfAbsent(uid, u -> {
                events.record(svc, EventRecorder.NORMAL, "EnsuringLoadBalancer", "Ensuring load balancer", "service-controller", null);
                return now;
            });
            if (now.isBefore(seen.plus(settings.loadBalancerDelay()))) {
                continue;
            }
            int n = next++;
            String ip = "192.168." + (n / 250 % 256) + "." + (n % 250 + 2);
            Service copy = new ServiceBuilder(svc).withNewStatus().withNewLoadBalancer()
                    .withIngress(new LoadBalancerIngressBuilder().withIp(ip).withIpMode("VIP").build())
                    .endLoadBalancer().endStatus().build();
            if (writer.attempt(() -> client.resource(copy).updateStatus())) {
                events.record(svc, EventRecorder.NORMAL, "EnsuredLoadBalancer", "Ensured load balancer", "service-controller", null);
                served.add(uid);
            }
        }
        firstSeen.keySet().retainAll(live);
        served.retainAll(live);
    }
}
