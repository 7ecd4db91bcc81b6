package io.statefulapps.health;

import java.util.List;

/** What one small assessor returns: the part for the report and the findings behind its verdict. */
record Assessed<T>(T part, List<Finding> findings) {
}
