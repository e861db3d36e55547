package org.minyi.scoring;

import java.time.Instant;
import java.util.List;

/** What was computed for a round, from which responses, and when. */
public record ScoreSnapshot(long id, long roundId, Instant computedAt, int responseCount, long instrumentVersionId,
		String settings, String mainIndicator, List<ScoreRow> rows) {
}
