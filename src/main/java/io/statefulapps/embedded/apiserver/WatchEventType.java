package io.statefulapps.embedded.apiserver;

/** The {@code type} of a watch event, as the real server writes it. */
enum WatchEventType { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }
