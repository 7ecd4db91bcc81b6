package io.statefulapps.embedded.sim;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/** Small helpers shared by the controllers: timestamps, owners, pod readiness. */
final class Kube {

  private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Kube.class);

  private Kube() {
  }

  /** RFC 3339 with second precision, as the API server serialises metav1.Time. */
  static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  static OwnerReference controllerRef(HasMetadata owner) {
    return new OwnerReferenceBuilder().withApiVersion(owner.getApiVersion()).withKind(owner.getKind())
        .withName(owner.getMetadata().getName()).withUid(owner.getMetadata().getUid())
        .withController(true).withBlockOwnerDeletion(true).build();
  }

  static boolean isControlledBy(HasMetadata obj, HasMetadata owner) {
    return obj.getMetadata().getOwnerReferences().stream().anyMatch(ref -> Boolean.TRUE.equals(ref.getController())
        && Objects.equals(ref.getUid(), owner.getMetadata().getUid()));
  }

  static boolean isTerminating(HasMetadata obj) {
    return obj.getMetadata().getDeletionTimestamp() != null;
  }

  static boolean hasCondition(Pod pod, String type) {
    return pod.getStatus() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }

  static PodCondition condition(Pod pod, String type) {
    return pod.getStatus() == null ? null : pod.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType())).findFirst().orElse(null);
  }

  static boolean isRunningAndReady(Pod pod) {
    return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()) && hasCondition(pod, "Ready")
        && !isTerminating(pod);
  }

  static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    return selector.entrySet().stream().allMatch(e -> Objects.equals(labels.get(e.getKey()), e.getValue()));
  }

  /**
   * Runs one write; true when it went through. A conflict or a vanished object means our cache
   * was a step behind: the next tick sees the newer state and tries again, as real controllers
   * requeue. Any other refusal is logged and skipped, so one odd object never stalls a controller.
   */
  static boolean write(Runnable call) {
    try {
      call.run();
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409 || e.getCode() == 404) {
        LOG.debugf("simulated write skipped (%d): %s", e.getCode(), e.getMessage());
      } else {
        LOG.warnf("simulated write refused (%d): %s", e.getCode(), e.getMessage());
      }
      return false;
    }
  }

  /** Durations as Go prints them (10s, 1m20s, 500ms): the kubelet puts them in messages. */
  static String goDuration(java.time.Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    long minutes = ms / 60_000;
    double seconds = (ms % 60_000) / 1000.0;
    String s = seconds == Math.floor(seconds) ? String.valueOf((long) seconds) : String.valueOf(seconds);
    return minutes > 0 ? minutes + "m" + s + "s" : s + "s";
  }
}
