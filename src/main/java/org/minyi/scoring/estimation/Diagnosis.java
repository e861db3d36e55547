package org.minyi.scoring.estimation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where a unit's score falls short (its weak spots, STATISTICS.md §5): which indicators and which respondent
 * groups pull it below its target or the district, and how many answers would have to change.
 * Official-style: unweighted, as the province scores.
 */
public final class Diagnosis {

	private Diagnosis() {
	}

	/** A respondent group's share of the unit's valid answers, its mean, and what it adds to the unit's mean. */
	public record GroupEffect(String group, int n, double share, double mean, double contribution) {
	}

	/**
	 * Contribution of each indicator j to a composite's gap: λⱼ·(θ_unit,j − θ_reference,j). Negative
	 * contributions pull the unit down; they sum to the composite's gap.
	 */
	public static Map<String, Double> indicatorGaps(Map<String, Double> lambda, Map<String, Double> unit,
			Map<String, Double> reference) {
		Map<String, Double> gaps = new LinkedHashMap<>();
		lambda.forEach((indicator, weight) -> gaps.put(indicator, weight * (unit.get(indicator) - reference.get(indicator))));
		return gaps;
	}

	/**
	 * Each group's contribution share_g·(mean_g − mean_unit) over the {@code included} respondents,
	 * most negative first. They sum to zero: the groups below the unit's mean are what drags it.
	 */
	public static List<GroupEffect> groupEffects(String[] group, double[] y, boolean[] included) {
		Map<String, double[]> sums = new LinkedHashMap<>();
		double total = 0;
		int n = 0;
		for (int i = 0; i < y.length; i++) {
			if (included == null || included[i]) {
				double[] s = sums.computeIfAbsent(group[i], g -> new double[2]);
				s[0] += y[i];
				s[1]++;
				total += y[i];
				n++;
			}
		}
		double mean = total / n;
		List<GroupEffect> effects = new ArrayList<>();
		for (Map.Entry<String, double[]> entry : sums.entrySet()) {
			double count = entry.getValue()[1];
			double groupMean = entry.getValue()[0] / count;
			double share = count / n;
			effects.add(new GroupEffect(entry.getKey(), (int) count, share, groupMean, share * (groupMean - mean)));
		}
		effects.sort(Comparator.comparingDouble(GroupEffect::contribution));
		return effects;
	}

	/**
	 * How many of {@code n} valid answers must move from {@code fromPoints} to {@code toPoints} (e.g.
	 * from "not very satisfied", 30, to "satisfied", 80) to lift an official-style mean to the target; empty when even all
	 * {@code available} such answers would not do it. Zero when the target is already met.
	 */
	public static OptionalInt answersToReachTarget(double mean, int n, double target, double fromPoints, double toPoints,
			int available) {
		if (mean >= target) {
			return OptionalInt.of(0);
		}
		if (toPoints <= fromPoints) {
			return OptionalInt.empty();
		}
		int needed = (int) Math.ceil(n * (target - mean) / (toPoints - fromPoints) - 1e-9);
		return needed <= available ? OptionalInt.of(needed) : OptionalInt.empty();
	}
}
