package io.statefulapps.embedded.apiserver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An object a fresh cluster holds, created through the normal admission path at start. */
public record BootstrapObject(String group, String resource, ObjectNode object) {
}
