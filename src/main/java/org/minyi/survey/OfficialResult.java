package org.minyi.survey;

import java.math.BigDecimal;

import org.minyi.platform.BusinessRuleException;

/**
 * What the province or city published for one unit in an official round.
 *
 * @param rank        the unit's position among {@code rankedAmong} units ranked together (1 = best)
 */
public record OfficialResult(long unitId, BigDecimal overallScore, BigDecimal securityScore, BigDecimal satisfactionScore,
		Integer rank, Integer rankedAmong, String note) {

	private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

	public boolean isEmpty() {
		return overallScore == null && securityScore == null && satisfactionScore == null && rank == null
				&& rankedAmong == null && (note == null || note.isBlank());
	}

	/** Scores 0–100 with at most two decimals, rank 1 or more and within the number ranked. */
	void check() {
		for (BigDecimal score : new BigDecimal[] { overallScore, securityScore, satisfactionScore }) {
			if (score != null && (score.signum() < 0 || score.compareTo(MAX_SCORE) > 0 || score.stripTrailingZeros().scale() > 2)) {
				throw BusinessRuleException.of("official.error.score", score.toPlainString());
			}
		}
		if ((rank != null && rank < 1) || (rankedAmong != null && rankedAmong < 1)
				|| (rank != null && rankedAmong != null && rank > rankedAmong)) {
			throw BusinessRuleException.of("official.error.rank");
		}
		if (note != null && note.length() > 200) {
			throw BusinessRuleException.of("official.error.note");
		}
	}
}
