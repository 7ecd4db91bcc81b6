package io.statefulapps.spec;

import java.util.List;

public record ExecSpec(List<String> command) {
}
