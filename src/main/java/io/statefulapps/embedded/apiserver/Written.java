package io.statefulapps.embedded.apiserver;

import java.util.List;

/** What a write answers: the object's JSON (stored, or admitted only for a dry run) and any warnings. */
record Written(byte[] json, List<String> warnings) {
}
