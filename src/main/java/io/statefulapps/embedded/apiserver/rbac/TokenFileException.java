package io.statefulapps.embedded.apiserver.rbac;

/** A token file kube-apiserver would refuse to start with; the message names the line. */
public final class TokenFileException extends IllegalArgumentException {

    private final int line;

    TokenFileException(String message, int line) {
        super(message);
        this.line = line;
    }

    /** The 1-based line the problem is on. */
    public int line() {
        return line;
    }
}
