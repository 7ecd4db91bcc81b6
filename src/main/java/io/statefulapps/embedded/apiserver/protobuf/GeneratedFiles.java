package io.statefulapps.embedded.apiserver.protobuf;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admission;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apiextensions;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Coordination;
import io.kubernetes.client.proto.V1Discovery;
import io.kubernetes.client.proto.V1Events;
import io.kubernetes.client.proto.V1Flowcontrol;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Node;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Resource;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import io.kubernetes.client.proto.V1alpha1Apiserverinternal;
import io.kubernetes.client.proto.V1alpha1Imagepolicy;
import io.kubernetes.client.proto.V1alpha1Rbac;
import io.kubernetes.client.proto.V1alpha1Scheduling;
import io.kubernetes.client.proto.V1beta1Admission;
import io.kubernetes.client.proto.V1beta1Admissionregistration;
import io.kubernetes.client.proto.V1beta1Apiextensions;
import io.kubernetes.client.proto.V1beta1Apps;
import io.kubernetes.client.proto.V1beta1Authentication;
import io.kubernetes.client.proto.V1beta1Authorization;
import io.kubernetes.client.proto.V1beta1Batch;
import io.kubernetes.client.proto.V1beta1Certificates;
import io.kubernetes.client.proto.V1beta1Extensions;
import io.kubernetes.client.proto.V1beta1Policy;
import io.kubernetes.client.proto.V1beta1Rbac;
import io.kubernetes.client.proto.V1beta1Storage;
import io.kubernetes.client.proto.V1beta1Storagemigration;
import io.kubernetes.client.proto.V1beta2Apps;
import io.kubernetes.client.proto.V2Apidiscovery;
import io.kubernetes.client.proto.V2Autoscaling;
import io.kubernetes.client.proto.V2beta1Apidiscovery;
import io.kubernetes.client.proto.V2beta1Autoscaling;
import io.kubernetes.client.proto.V2beta2Autoscaling;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The .proto file of each API group version that io.kubernetes:client-java-proto generates, named one
 * by one rather than found by reflection (a native image keeps them). Each file's descriptor is built
 * when its outer class is first used, so a body of core/v1 loads only core/v1 and meta/v1. A new group
 * version of the library is added here.
 */
final class GeneratedFiles {

    private GeneratedFiles() {
    }

    static Supplier<FileDescriptor> meta() {
        return Meta::getDescriptor;
    }

    static Map<String, Supplier<FileDescriptor>> byGroupVersion() {
        return Map.ofEntries(
                Map.entry("v1", V1::getDescriptor),
                Map.entry("admission.k8s.io/v1", V1Admission::getDescriptor),
                Map.entry("admissionregistration.k8s.io/v1", V1Admissionregistration::getDescriptor),
                Map.entry("apiextensions.k8s.io/v1", V1Apiextensions::getDescriptor),
                Map.entry("apps/v1", V1Apps::getDescriptor),
                Map.entry("authentication.k8s.io/v1", V1Authentication::getDescriptor),
                Map.entry("authorization.k8s.io/v1", V1Authorization::getDescriptor),
                Map.entry("autoscaling/v1", V1Autoscaling::getDescriptor),
                Map.entry("batch/v1", V1Batch::getDescriptor),
                Map.entry("certificates.k8s.io/v1", V1Certificates::getDescriptor),
                Map.entry("coordination.k8s.io/v1", V1Coordination::getDescriptor),
                Map.entry("discovery.k8s.io/v1", V1Discovery::getDescriptor),
                Map.entry("events.k8s.io/v1", V1Events::getDescriptor),
                Map.entry("flowcontrol.apiserver.k8s.io/v1", V1Flowcontrol::getDescriptor),
                Map.entry("networking.k8s.io/v1", V1Networking::getDescriptor),
                Map.entry("node.k8s.io/v1", V1Node::getDescriptor),
                Map.entry("policy/v1", V1Policy::getDescriptor),
                Map.entry("rbac.authorization.k8s.io/v1", V1Rbac::getDescriptor),
                Map.entry("resource.k8s.io/v1", V1Resource::getDescriptor),
                Map.entry("scheduling.k8s.io/v1", V1Scheduling::getDescriptor),
                Map.entry("storage.k8s.io/v1", V1Storage::getDescriptor),
                Map.entry("internal.apiserver.k8s.io/v1alpha1", V1alpha1Apiserverinternal::getDescriptor),
                Map.entry("imagepolicy.k8s.io/v1alpha1", V1alpha1Imagepolicy::getDescriptor),
                Map.entry("rbac.authorization.k8s.io/v1alpha1", V1alpha1Rbac::getDescriptor),
                Map.entry("scheduling.k8s.io/v1alpha1", V1alpha1Scheduling::getDescriptor),
                Map.entry("admission.k8s.io/v1beta1", V1beta1Admission::getDescriptor),
                Map.entry("admissionregistration.k8s.io/v1beta1", V1beta1Admissionregistration::getDescriptor),
                Map.entry("apiextensions.k8s.io/v1beta1", V1beta1Apiextensions::getDescriptor),
                Map.entry("apps/v1beta1", V1beta1Apps::getDescriptor),
                Map.entry("authentication.k8s.io/v1beta1", V1beta1Authentication::getDescriptor),
                Map.entry("authorization.k8s.io/v1beta1", V1beta1Authorization::getDescriptor),
                Map.entry("batch/v1beta1", V1beta1Batch::getDescriptor),
                Map.entry("certificates.k8s.io/v1beta1", V1beta1Certificates::getDescriptor),
                Map.entry("extensions/v1beta1", V1beta1Extensions::getDescriptor),
                Map.entry("policy/v1beta1", V1beta1Policy::getDescriptor),
                Map.entry("rbac.authorization.k8s.io/v1beta1", V1beta1Rbac::getDescriptor),
                Map.entry("storage.k8s.io/v1beta1", V1beta1Storage::getDescriptor),
                Map.entry("storagemigration.k8s.io/v1beta1", V1beta1Storagemigration::getDescriptor),
                Map.entry("apps/v1beta2", V1beta2Apps::getDescriptor),
                Map.entry("apidiscovery.k8s.io/v2", V2Apidiscovery::getDescriptor),
                Map.entry("autoscaling/v2", V2Autoscaling::getDescriptor),
                Map.entry("apidiscovery.k8s.io/v2beta1", V2beta1Apidiscovery::getDescriptor),
                Map.entry("autoscaling/v2beta1", V2beta1Autoscaling::getDescriptor),
                Map.entry("autoscaling/v2beta2", V2beta2Autoscaling::getDescriptor),
                Map.entry("meta.k8s.io/v1", Meta::getDescriptor));
    }
}
