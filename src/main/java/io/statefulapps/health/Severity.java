package io.statefulapps.health;

/**
 * How loud a problem is. {@code Error} problems make their part Degraded or Missing, {@code Warning}
 * problems are worth a look but do not by themselves change a verdict, {@code Info} problems
 * explain why something is Progressing or Suspended.
 */
public enum Severity {
    Error,
    Warning,
    Info
}
