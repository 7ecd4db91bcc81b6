package io.statefulapps.embedded.apiserver;

/** What the pipeline made of a request: who sent it (null when that was never established) and the reply. */
record Outcome(UserInfo user, Reply reply) {
}
