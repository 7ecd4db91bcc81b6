package io.statefulapps.kubernetes;

/**
 * Label and annotation keys that Kubernetes' own components set and read (see
 * kubernetes.io/docs/reference/labels-annotations-taints). Keys of this service's own are in
 * {@code render.ManagedLabels}.
 */
public final class WellKnownLabels {

    /** On an EndpointSlice: the Service it belongs to. */
    public static final String SERVICE_NAME = "kubernetes.io/service-name";
    /** On an EndpointSlice: the controller that maintains it. */
    public static final String ENDPOINT_SLICE_MANAGED_BY = "endpointslice.kubernetes.io/managed-by";
    /** On an EndpointSlice of a headless Service (empty value). */
    public static final String HEADLESS = "service.kubernetes.io/headless";
    /** On a StatefulSet's pod: the revision of the template it was created from. */
    public static final String CONTROLLER_REVISION_HASH = "controller-revision-hash";
    /** On a StatefulSet's pod: its own name, so a Service can select one pod. */
    public static final String POD_NAME = "statefulset.kubernetes.io/pod-name";
    /** On a StatefulSet's pod (Kubernetes 1.28+): its ordinal. */
    public static final String POD_INDEX = "apps.kubernetes.io/pod-index";
    /** Annotation on a StorageClass: {@code "true"} makes it the class of claims that name none. */
    public static final String DEFAULT_STORAGE_CLASS = "storageclass.kubernetes.io/is-default-class";

    private WellKnownLabels() {
    }
}
