package io.statefulapps.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The embedded simulated cluster ({@code stateful-apps.embedded.*}); only read when it is in use. */
@ConfigMapping(prefix = "stateful-apps.embedded")
public interface EmbeddedConfig {

    /** Where the kubeconfig for kubectl is written. */
    @WithDefault("target/embedded-kubeconfig.yaml")
    Path kubeconfig();

    /** The API server's port on 127.0.0.1; 0 picks a free one. */
    @WithDefault("0")
    int port();

    /** How often the simulated controllers reconcile. */
    @WithDefault("200ms")
    Duration tick();

    /** From a bound pod to running containers. */
    @WithDefault("300ms")
    Duration podStartDelay();

    /** From a running container to Ready. */
    @WithDefault("1s")
    Duration podReadyDelay();

    /** Until a LoadBalancer Service gets an address. */
    @WithDefault("1s")
    Duration loadBalancerDelay();

    /** Until a claim gets its volume (and a resize completes). */
    @WithDefault("200ms")
    Duration provisionDelay();

    /** The first CrashLoopBackOff wait; doubles per crash. */
    @WithDefault("10s")
    Duration crashLoopBackoff();

    /** How long a crashing container runs before it exits. */
    @WithDefault("1s")
    Duration crashAfter();

    /** Namespaces that exist from the start, besides default, kube-system and kube-public. */
    @WithDefault("demo")
    List<String> namespaces();

    /**
     * A static token file in kube-apiserver's {@code --token-auth-file} format
     * ({@code token,user,uid,"group1,group2"}). When set, the embedded API server serves HTTPS and
     * checks every caller: a known bearer token (else 401), RBAC from the Roles and bindings it
     * stores (else 403). Unset: everyone may do everything.
     */
    Optional<Path> tokenFile();
}
