package org.minyi.scoring;

/**
 * One indicator of one unit in a result snapshot.
 *
 * @param official          unweighted mean over valid answers, as provinces score
 * @param estimate          weighted estimate, with its standard error and 95 % interval
 * @param respondents       respondents with a valid answer
 * @param rank              among the round's townships by the main indicator, or among the political-legal
 *                          departments by each one's own indicator (null for other rows)
 * @param targetProbability probability that the true main score reaches the unit's score target
 */
public record ScoreRow(long unitId, String indicator, Double official, Double estimate, Double se, Double ciLow, Double ciHigh,
		int respondents, Integer rank, Integer rankLower, Integer rankUpper, Double targetProbability) {

	/** Fewer valid answers than this make a number unreliable (STATISTICS.md §3). */
	public static final int TOO_FEW = 30;

	/** Target probabilities at or above this count as "met", below {@link #LIKELY_MISSED} as "missed", between as "at risk". */
	public static final double LIKELY_MET = 0.8;

	public static final double LIKELY_MISSED = 0.2;

	public boolean tooFew() {
		return respondents < TOO_FEW;
	}

	/** MET, AT_RISK or MISSED by the probability of meeting the score target; null without a target. */
	public String targetStatus() {
		if (targetProbability == null) {
			return null;
		}
		return targetProbability >= LIKELY_MET ? "MET" : targetProbability < LIKELY_MISSED ? "MISSED" : "AT_RISK";
	}
}
