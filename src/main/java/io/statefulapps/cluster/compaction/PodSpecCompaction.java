package io.statefulapps.cluster.compaction;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;

/**
 * A pod spec compacted with every field kept (a StatefulSet's template: the app views read it back
 * into the app's spec). Parts this does not walk (affinity, probe actions, volume sources other
 * than claims) are kept as they came.
 */
final class PodSpecCompaction {

    private final ValueCompaction values;

    PodSpecCompaction(ValueCompaction values) {
        this.values = values;
    }

    void template(PodTemplateSpec template) {
        if (template == null) {
            return;
        }
        values.meta(template.getMetadata());
        spec(template.getSpec());
        template.setAdditionalProperties(values.extras(template.getAdditionalProperties()));
    }

    void spec(PodSpec spec) {
        if (spec == null) {
            return;
        }
        spec.setContainers(values.list(spec.getContainers(), this::container));
        spec.setInitContainers(values.list(spec.getInitContainers(), this::container));
        spec.setEphemeralContainers(values.list(spec.getEphemeralContainers(), unwalked -> { }));
        spec.setHostAliases(values.list(spec.getHostAliases(), unwalked -> { }));
        spec.setImagePullSecrets(values.list(spec.getImagePullSecrets(), this::localReference));
        spec.setNodeSelector(values.labels(spec.getNodeSelector()));
        spec.setOverhead(values.quantities(spec.getOverhead()));
        spec.setReadinessGates(values.list(spec.getReadinessGates(), unwalked -> { }));
        spec.setResourceClaims(values.list(spec.getResourceClaims(), unwalked -> { }));
        spec.setSchedulingGates(values.list(spec.getSchedulingGates(), gate -> {
            gate.setName(values.text(gate.getName()));
            gate.setAdditionalProperties(values.extras(gate.getAdditionalProperties()));
        }));
        spec.setTolerations(values.list(spec.getTolerations(), this::toleration));
        spec.setTopologySpreadConstraints(values.list(spec.getTopologySpreadConstraints(), unwalked -> { }));
        spec.setVolumes(values.list(spec.getVolumes(), this::volume));
        podSecurity(spec.getSecurityContext());
        resources(spec.getResources());
        spec.setDnsPolicy(values.text(spec.getDnsPolicy()));
        spec.setHostname(values.text(spec.getHostname()));
        spec.setNodeName(values.text(spec.getNodeName()));
        spec.setPreemptionPolicy(values.text(spec.getPreemptionPolicy()));
        spec.setPriorityClassName(values.text(spec.getPriorityClassName()));
        spec.setRestartPolicy(values.text(spec.getRestartPolicy()));
        spec.setRuntimeClassName(values.text(spec.getRuntimeClassName()));
        spec.setSchedulerName(values.text(spec.getSchedulerName()));
        spec.setServiceAccount(values.text(spec.getServiceAccount()));
        spec.setServiceAccountName(values.text(spec.getServiceAccountName()));
        spec.setSubdomain(values.text(spec.getSubdomain()));
        spec.setAdditionalProperties(values.extras(spec.getAdditionalProperties()));
    }

    void container(Container container) {
        container.setArgs(values.texts(container.getArgs()));
        container.setCommand(values.texts(container.getCommand()));
        container.setEnv(values.list(container.getEnv(), this::env));
        container.setEnvFrom(values.list(container.getEnvFrom(), unwalked -> { }));
        container.setPorts(values.list(container.getPorts(), this::port));
        container.setResizePolicy(values.list(container.getResizePolicy(), unwalked -> { }));
        container.setRestartPolicyRules(values.list(container.getRestartPolicyRules(), unwalked -> { }));
        container.setVolumeDevices(values.list(container.getVolumeDevices(), unwalked -> { }));
        container.setVolumeMounts(values.list(container.getVolumeMounts(), this::mount));
        resources(container.getResources());
        security(container.getSecurityContext());
        probe(container.getLivenessProbe());
        probe(container.getReadinessProbe());
        probe(container.getStartupProbe());
        container.setImage(values.text(container.getImage()));
        container.setImagePullPolicy(values.text(container.getImagePullPolicy()));
        container.setName(values.text(container.getName()));
        container.setRestartPolicy(values.text(container.getRestartPolicy()));
        container.setTerminationMessagePath(values.text(container.getTerminationMessagePath()));
        container.setTerminationMessagePolicy(values.text(container.getTerminationMessagePolicy()));
        container.setWorkingDir(values.text(container.getWorkingDir()));
        container.setAdditionalProperties(values.extras(container.getAdditionalProperties()));
    }

    private void env(EnvVar env) {
        env.setName(values.text(env.getName()));
        env.setValue(values.text(env.getValue()));
        env.setAdditionalProperties(values.extras(env.getAdditionalProperties()));
    }

    private void port(ContainerPort port) {
        port.setName(values.text(port.getName()));
        port.setProtocol(values.text(port.getProtocol()));
        port.setHostIP(values.text(port.getHostIP()));
        port.setAdditionalProperties(values.extras(port.getAdditionalProperties()));
    }

    private void mount(VolumeMount mount) {
        mount.setMountPath(values.text(mount.getMountPath()));
        mount.setName(values.text(mount.getName()));
        mount.setSubPath(values.text(mount.getSubPath()));
        mount.setAdditionalProperties(values.extras(mount.getAdditionalProperties()));
    }

    private void resources(ResourceRequirements resources) {
        if (resources == null) {
            return;
        }
        resources.setClaims(values.list(resources.getClaims(), unwalked -> { }));
        resources.setLimits(values.quantities(resources.getLimits()));
        resources.setRequests(values.quantities(resources.getRequests()));
        resources.setAdditionalProperties(values.extras(resources.getAdditionalProperties()));
    }

    private void security(SecurityContext security) {
        if (security == null) {
            return;
        }
        seccomp(security.getSeccompProfile());
        if (security.getCapabilities() != null) {
            security.getCapabilities().setAdd(values.texts(security.getCapabilities().getAdd()));
            security.getCapabilities().setDrop(values.texts(security.getCapabilities().getDrop()));
            security.getCapabilities().setAdditionalProperties(
                    values.extras(security.getCapabilities().getAdditionalProperties()));
        }
        security.setAdditionalProperties(values.extras(security.getAdditionalProperties()));
    }

    private void podSecurity(PodSecurityContext security) {
        if (security == null) {
            return;
        }
        seccomp(security.getSeccompProfile());
        security.setSupplementalGroups(values.list(security.getSupplementalGroups(), unwalked -> { }));
        security.setSysctls(values.list(security.getSysctls(), unwalked -> { }));
        security.setAdditionalProperties(values.extras(security.getAdditionalProperties()));
    }

    private void seccomp(SeccompProfile profile) {
        if (profile != null) {
            profile.setType(values.text(profile.getType()));
            profile.setAdditionalProperties(values.extras(profile.getAdditionalProperties()));
        }
    }

    private void probe(Probe probe) {
        if (probe != null) {
            probe.setAdditionalProperties(values.extras(probe.getAdditionalProperties()));
        }
    }

    private void toleration(Toleration toleration) {
        toleration.setKey(values.text(toleration.getKey()));
        toleration.setOperator(values.text(toleration.getOperator()));
        toleration.setEffect(values.text(toleration.getEffect()));
        toleration.setValue(values.text(toleration.getValue()));
        toleration.setAdditionalProperties(values.extras(toleration.getAdditionalProperties()));
    }

    private void volume(Volume volume) {
        volume.setName(values.text(volume.getName()));
        if (volume.getPersistentVolumeClaim() != null) {
            volume.getPersistentVolumeClaim().setClaimName(values.text(volume.getPersistentVolumeClaim().getClaimName()));
            volume.getPersistentVolumeClaim().setAdditionalProperties(
                    values.extras(volume.getPersistentVolumeClaim().getAdditionalProperties()));
        }
        volume.setAdditionalProperties(values.extras(volume.getAdditionalProperties()));
    }

    void localReference(LocalObjectReference reference) {
        reference.setName(values.text(reference.getName()));
        reference.setAdditionalProperties(values.extras(reference.getAdditionalProperties()));
    }
}
