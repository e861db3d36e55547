package org.minyi.scoring;

import java.util.List;
import java.util.Map;

import org.minyi.org.UnitView;
import org.minyi.scoring.estimation.Diagnosis.GroupEffect;
import org.minyi.scoring.estimation.Rankings;
import org.minyi.survey.OfficialResult;
import org.minyi.survey.RoundView;

/**
 * One unit's results in a round with what explains them: every indicator beside the district's,
 * the previous round and the official ledger, the indicators and respondent groups that pull the
 * main score down (STATISTICS.md §5), and what it would take to reach the target.
 *
 * @param mainIndicator the indicator the unit is ranked on (a department's own indicator)
 * @param indicatorGaps each score indicator's contribution λⱼ·(unitⱼ − districtⱼ) to the main score's gap, official-style
 * @param groups        by grouping (GENDER, AGE_GROUP, COMMUNITY): each group's effect on the main score, most negative first
 * @param target        the unit's score target, null without one
 */
public record UnitReport(RoundView round, UnitView unit, String mainIndicator, Map<String, ScoreRow> rows,
		Map<String, ScoreRow> district, Previous previous, Ledger ledger, Map<String, Double> indicatorGaps,
		Map<String, List<GroupEffect>> groups, List<WhatIf> whatIf, Double target, List<TrendPoint> trend) {

	public ScoreRow main() {
		return rows.get(mainIndicator);
	}

	/** The latest earlier fielded round with results, and the change of the main estimate since. */
	public record Previous(RoundView round, Map<String, ScoreRow> rows, Rankings.Change change) {
	}

	/** What the province published for the unit in the latest official round. */
	public record Ledger(RoundView round, OfficialResult result) {
	}

	/**
	 * How many of the unit's {@code negative} answers (below 60 points) to one indicator would have to
	 * become "satisfied" (30 to 80 points) to lift the official-style main score to the target;
	 * {@code needed} null when that indicator alone cannot do it.
	 */
	public record WhatIf(String indicator, int valid, int negative, Integer needed) {
	}

	/** The unit's main score in one round: ours (official-style and estimate with interval) or the published one. */
	public record TrendPoint(String round, Double official, Double estimate, Double low, Double high, Double published) {
	}
}
