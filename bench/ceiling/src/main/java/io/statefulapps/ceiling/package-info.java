/** The benchmark's ceiling: a bare Quarkus app serving a health-report-sized JSON document from a map. */
package io.statefulapps.ceiling;
