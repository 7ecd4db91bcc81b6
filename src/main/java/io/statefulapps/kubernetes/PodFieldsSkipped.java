package io.statefulapps.kubernetes;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyName;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pods read without what the watch cache lets go of anyway (see the cache's pod compaction, whose
 * rule this mirrors and which still applies): a pod is the largest object listed, 2.4 KB of JSON
 * with 10,000 apps, of which the environment, volume mounts, tolerations, projected token volumes,
 * annotations and owner references were built into objects only to be dropped. The parser now
 * steps over them. Only a pod's own metadata, spec and status are read so: the same classes in a
 * StatefulSet's pod template (and every other kind's metadata) are read whole. The service reads
 * pods only for its cache and to name them; it never writes one back.
 */
public final class PodFieldsSkipped {

    /** Fields not read, by the class that has them, when it is part of a pod. */
    private static final Map<Class<?>, Set<String>> SKIPPED = Map.of(
            ObjectMeta.class, Set.of("managedFields", "annotations", "ownerReferences"),
            Container.class, Set.of("args", "command", "env", "envFrom", "resizePolicy", "restartPolicyRules",
                    "volumeDevices", "volumeMounts", "lifecycle", "livenessProbe", "resources", "securityContext",
                    "imagePullPolicy", "terminationMessagePath", "terminationMessagePolicy", "workingDir"),
            PodStatus.class, Set.of("ephemeralContainerStatuses", "allocatedResources", "hostIPs", "podIPs",
                    "resourceClaimStatuses", "hostIP", "qosClass", "resources", "extendedResourceClaimStatus"),
            ContainerStatus.class, Set.of("allocatedResources", "allocatedResourcesStatus", "volumeMounts",
                    "containerID", "imageID", "resources", "user"),
            ContainerStateTerminated.class, Set.of("containerID"));

    /** Fields read, by the class that has them, when it is part of a pod: the others are not. */
    private static final Map<Class<?>, Set<String>> KEPT = Map.of(
            PodSpec.class, Set.of("containers", "initContainers", "volumes", "imagePullSecrets", "schedulingGates",
                    "nodeName", "hostname", "subdomain"),
            // volumes other than claims are let go of: their name is read, their source not
            Volume.class, Set.of("name", "persistentVolumeClaim"));

    private static final Set<String> POD_PARTS = Set.of("metadata", "spec", "status");

    private PodFieldsSkipped() {
    }

    /**
     * Makes {@code mapper} read a pod's metadata, spec and status with a copy of itself that skips
     * those fields. Call once the mapper is configured (its copy takes that configuration), before
     * it reads a pod.
     */
    public static void register(ObjectMapper mapper) {
        ObjectMapper parts = mapper.copy();
        parts.registerModule(new SimpleModule("pod-parts-skipped").setDeserializerModifier(new Skipping()));
        mapper.registerModule(new SimpleModule("pod-fields-skipped").setDeserializerModifier(new PartsOfPod(parts)));
    }

    /** Has a pod read its parts with the mapper that skips. */
    private static final class PartsOfPod extends BeanDeserializerModifier {

        private final ObjectMapper parts;

        PartsOfPod(ObjectMapper parts) {
            this.parts = parts;
        }

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                BeanDeserializerBuilder builder) {
            if (bean.getBeanClass() != Pod.class) {
                return builder;
            }
            List<SettableBeanProperty> replaced = new ArrayList<>();
            builder.getProperties().forEachRemaining(property -> {
                if (POD_PARTS.contains(property.getName())) {
                    ObjectReader reader = parts.readerFor(property.getType());
                    replaced.add(property.withValueDeserializer(new ReadBy(reader)));
                }
            });
            replaced.forEach(property -> builder.addOrReplaceProperty(property, true));
            return builder;
        }
    }

    /** Steps over the fields not read, where a pod's parts are read. */
    private static final class Skipping extends BeanDeserializerModifier {

        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription bean,
                BeanDeserializerBuilder builder) {
            Class<?> type = bean.getBeanClass();
            Set<String> skipped = SKIPPED.get(type);
            Set<String> kept = KEPT.get(type);
            if (skipped == null && kept == null) {
                return builder;
            }
            List<String> names = new ArrayList<>();
            builder.getProperties().forEachRemaining(property -> names.add(property.getName()));
            for (String name : names) {
                if (skipped != null ? skipped.contains(name) : !kept.contains(name)) {
                    builder.removeProperty(PropertyName.construct(name));
                    // ignored, not unknown: an unknown field would land in the object's extras
                    builder.addIgnorable(name);
                }
            }
            return builder;
        }
    }

    /** Reads a value with another mapper's reader, so what is inside it is read that mapper's way. */
    private static final class ReadBy extends StdDeserializer<Object> {

        private final transient ObjectReader reader;

        ReadBy(ObjectReader reader) {
            super(reader.getValueType());
            this.reader = reader;
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return reader.readValue(parser);
        }
    }
}
