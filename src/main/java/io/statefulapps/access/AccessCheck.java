package io.statefulapps.access;

/**
 * One right a call needs, in the terms of a SubjectAccessReview's resource attributes: a verb on a
 * resource of an API group ({@code ""} is the core group), in a namespace.
 */
public record AccessCheck(String verb, String group, String resource, String namespace) {

    public static final String CORE = "";

    public static AccessCheck of(String verb, String group, String resource, String namespace) {
        return new AccessCheck(verb, group, resource, namespace);
    }

    /** The missing right worded as the API server (and so kubectl) words it when it refuses a request. */
    public String refusal(String username) {
        String who = "User \"" + username + "\" cannot " + verb + " resource \"" + resource + "\" in API group \""
                + group + "\"";
        return namespace == null || namespace.isEmpty() ? who + " at the cluster scope"
                : who + " in the namespace \"" + namespace + "\"";
    }
}
