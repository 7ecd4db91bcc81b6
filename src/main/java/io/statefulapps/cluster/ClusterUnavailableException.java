package io.statefulapps.cluster;

/** The Kubernetes API could not be reached (connection refused, timeout, TLS failure). Callers may retry. */
public class ClusterUnavailableException extends RuntimeException {

    public ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
