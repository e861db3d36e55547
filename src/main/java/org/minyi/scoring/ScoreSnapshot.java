package org.minyi.scoring;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was computed for a round, from which responses, and when.
 *
 * @param settings the weighting used, as {@link Weighting#encode()} wrote it
 */
public record ScoreSnapshot(long id, long roundId, Instant computedAt, int responseCount, long instrumentVersionId,
		String settings, String mainIndicator, List<ScoreRow> rows) {

	public Optional<Weighting> weighting() {
		return Weighting.decode(settings);
	}
}
