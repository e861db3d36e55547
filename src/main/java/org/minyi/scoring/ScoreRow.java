package org.minyi.scoring;

/**
 * One indicator of one unit in a result snapshot.
 *
 * @param official          unweighted mean over valid answers, as provinces score
 * @param estimate          weighted estimate, with its standard error and 95 % interval
 * @param respondents       respondents with a valid answer
 * @param rank              among the round's townships by the main indicator (null for others)
 * @param targetProbability probability that the true main score reaches the unit's score target
 */
public record ScoreRow(long unitId, String indicator, Double official, Double estimate, Double se, Double ciLow, Double ciHigh,
		int respondents, Integer rank, Integer rankLower, Integer rankUpper, Double targetProbability) {

	/** Fewer valid answers than this make a number unreliable (STATISTICS.md §3). */
	public static final int TOO_FEW = 30;

	public boolean tooFew() {
		return respondents < TOO_FEW;
	}
}
