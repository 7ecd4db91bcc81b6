package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPort;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.statefulapps.kubernetes.WellKnownLabels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Plays the EndpointSlice controller: IPv4 slices {@code <svc>-<suffix>} of at most 100 endpoints
 * per Service with a selector (see {@link EndpointSliceFactory} for what they hold). A Service is
 * looked at when it changes, when one of its slices does, and when a pod it selects (before or
 * after the change) changes in a way an endpoint shows.
 */
final class EndpointSliceController extends KindController<Service> {

    EndpointSliceController(ControllerContext context) {
        super(context, context.informers().services);
        lookAtEveryChange();
        informers.onChange(informers.endpointSlices, (before, after) -> {
            EndpointSlice slice = after != null ? after : before;
            String service = slice.getMetadata().getLabels().get(WellKnownLabels.SERVICE_NAME);
            if (service != null && EndpointSliceFactory.CONTROLLER.equals(
                    slice.getMetadata().getLabels().get(WellKnownLabels.ENDPOINT_SLICE_MANAGED_BY))) {
                queue().add(slice.getMetadata().getNamespace() + "/" + service);
            }
        });
        informers.onChange(informers.pods, (before, after) -> {
            if (before != null && after != null && EndpointView.of(before).equals(EndpointView.of(after))) {
                return; // nothing an endpoint shows has changed
            }
            for (Pod pod : new Pod[] {before, after}) {
                if (pod != null) {
                    informers.serviceSelectors.matching(pod.getMetadata().getNamespace(), pod.getMetadata().getLabels())
                            .forEach(queue()::add);
                }
            }
        });
    }

    @Override
    Instant reconcile(String key, Service svc) {
        if (svc == null) {
            int slash = key.indexOf('/');
            for (EndpointSlice slice : informers.slicesOfService(key.substring(0, slash), key.substring(slash + 1))) {
                if (managed(slice)) {
                    writer.delete(slice, null);
                }
            }
            return null;
        }
        Map<String, String> selector = svc.getSpec().getSelector();
        if (selector == null || selector.isEmpty() || ObjectLifecycle.isTerminating(svc)) {
            return null;
        }
        List<Pod> pods = EndpointSliceFactory.listed(informers.podsMatching(svc.getMetadata().getNamespace(),
                selector));
        List<Endpoint> endpoints = EndpointSliceFactory.endpoints(svc, pods);
        List<EndpointPort> ports = EndpointSliceFactory.ports(svc, pods);
        Map<String, String> labels = EndpointSliceFactory.labels(svc);
        Set<String> wanted = new HashSet<>();
        int chunks = Math.max(1, (endpoints.size() + EndpointSliceFactory.MAX_ENDPOINTS - 1)
                / EndpointSliceFactory.MAX_ENDPOINTS);
        for (int i = 0; i < chunks; i++) {
            String name = EndpointSliceFactory.sliceName(svc, i);
            wanted.add(name);
            List<Endpoint> part = endpoints.subList(i * EndpointSliceFactory.MAX_ENDPOINTS,
                    Math.min(endpoints.size(), (i + 1) * EndpointSliceFactory.MAX_ENDPOINTS));
            write(svc, name, labels, new ArrayList<>(part), ports);
        }
        String namespace = svc.getMetadata().getNamespace();
        for (EndpointSlice slice : informers.slicesOfService(namespace, svc.getMetadata().getName())) {
            if (managed(slice) && !wanted.contains(slice.getMetadata().getName())) {
                writer.delete(slice, null);
            }
        }
        return null;
    }

    private static boolean managed(EndpointSlice slice) {
        return EndpointSliceFactory.CONTROLLER.equals(
                slice.getMetadata().getLabels().get(WellKnownLabels.ENDPOINT_SLICE_MANAGED_BY));
    }

    private void write(Service svc, String name, Map<String, String> labels, List<Endpoint> endpoints,
            List<EndpointPort> ports) {
        String namespace = svc.getMetadata().getNamespace();
        EndpointSlice existing = informers.get(informers.endpointSlices, namespace, name).orElse(null);
        if (existing != null && Objects.equals(existing.getEndpoints(), endpoints)
                && Objects.equals(existing.getPorts(), ports) && Objects.equals(existing.getMetadata()
                        .getLabels(), labels)) {
            return;
        }
        EndpointSliceBuilder slice = existing == null ? new EndpointSliceBuilder() : new EndpointSliceBuilder(existing);
        EndpointSlice desired = slice.editOrNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .withOwnerReferences(ControllerReferences.of(svc)).endMetadata()
                .withAddressType("IPv4").withEndpoints(endpoints).withPorts(ports).build();
        if (existing == null) {
            writer.create(desired);
        } else {
            writer.update(desired);
        }
    }

    /** What of a pod its endpoints show: a change elsewhere (most status writes) concerns no slice. */
    private record EndpointView(String ip, boolean ready, boolean terminating, boolean finished,
            Map<String, String> labels, String hostname, String subdomain, String node, List<?> containers) {

        static EndpointView of(Pod pod) {
            var status = pod.getStatus();
            return new EndpointView(status == null ? null : status.getPodIP(), PodConditions.isTrue(pod, "Ready"),
                    ObjectLifecycle.isTerminating(pod), ObjectLifecycle.isFinished(pod),
                    pod.getMetadata().getLabels(), pod.getSpec().getHostname(), pod.getSpec().getSubdomain(),
                    pod.getSpec().getNodeName(), pod.getSpec().getContainers().stream().map(c -> c.getPorts())
                            .toList());
        }
    }
}
