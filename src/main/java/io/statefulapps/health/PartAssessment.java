package io.statefulapps.health;

import java.util.List;

/** What one assessor returns: its part of the report and the findings behind the part's verdict. */
record PartAssessment<T>(T part, List<Finding> findings) {

    PartAssessment {
        findings = List.copyOf(findings);
    }
}
