package io.statefulapps.embedded.apiserver;

/**
 * What handling a request produced: a complete {@link HttpAnswer}, or a stream the front opens
 * ({@link WatchReply}, {@link LogFollowReply}).
 */
interface Reply {
}
