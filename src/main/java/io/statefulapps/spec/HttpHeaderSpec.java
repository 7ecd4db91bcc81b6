package io.statefulapps.spec;

public record HttpHeaderSpec(String name, String value) {
}
