package io.statefulapps.embedded.apiserver;

import java.time.Instant;

/**
 * A {@code pods/log?follow=true} that streams: the text so far, then whatever the same run of the
 * container writes later, until it ends, the pod goes or the client leaves.
 *
 * @param lastLine the time of the last line already in {@code text} (null when none)
 * @param bytesLeft what {@code limitBytes} still allows after {@code text}; null when unlimited
 */
record LogFollowReply(String namespace, String pod, String container, Instant runStarted, String text,
        Instant lastLine, boolean timestamps, Long bytesLeft) implements Reply {
}
