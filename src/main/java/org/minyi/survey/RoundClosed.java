package org.minyi.survey;

/** Published when a round closes; scoring reacts to it. */
public record RoundClosed(Long roundId, RoundKind kind) {
}
