package org.minyi.scoring.estimation;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Ranks with honest uncertainty (STATISTICS.md §4): the point rank, the marginal rank confidence
 * set of Mogstad, Romano, Shaikh and Wilhelm (2023) with Bonferroni-adjusted pairwise tests, the
 * probability of meeting a score target, and the change between two rounds.
 */
public final class Rankings {

	private static final NormalDistribution NORMAL = new NormalDistribution();

	private Rankings() {
	}

	/**
	 * A unit's place: {@code rank} by its point estimate (1 = highest score; ties share the better
	 * rank), and the ranks {@code lower..upper} it could really hold at the chosen confidence.
	 */
	public record Rank(int rank, int lower, int upper) {
	}

	/** A difference between two independent estimates with its SE and two-sided p-value. */
	public record Change(double difference, double se, double pValue) {
	}

	/**
	 * Ranks of units with independent estimates {@code theta} and standard errors {@code se}:
	 * with c = Φ⁻¹(1 − α/(2(p−1))) and t_jk = (θ_j − θ_k)/√(s_j² + s_k²), unit j's set runs from
	 * 1 + #{k : t_kj > c} to p − #{k : t_jk > c}.
	 */
	public static List<Rank> rank(double[] theta, double[] se, double alpha) {
		int p = theta.length;
		double[][] differenceSe = new double[p][p];
		for (int j = 0; j < p; j++) {
			for (int k = 0; k < p; k++) {
				differenceSe[j][k] = Math.sqrt(se[j] * se[j] + se[k] * se[k]);
			}
		}
		return rank(theta, differenceSe, alpha);
	}

	/**
	 * The same for estimates that are not independent — several indicators from the same respondents,
	 * as the political-legal departments' scores are: {@code differenceSe[j][k]} is the SE of
	 * θ̂_j − θ̂_k (from their combined linearisation, which accounts for the covariance).
	 */
	public static List<Rank> rank(double[] theta, double[][] differenceSe, double alpha) {
		int p = theta.length;
		double critical = p > 1 ? NORMAL.inverseCumulativeProbability(1 - alpha / (2.0 * (p - 1))) : Double.POSITIVE_INFINITY;
		List<Rank> ranks = new ArrayList<>(p);
		for (int j = 0; j < p; j++) {
			int higher = 0;
			int significantlyBetter = 0;
			int significantlyWorse = 0;
			for (int k = 0; k < p; k++) {
				if (k == j) {
					continue;
				}
				higher += theta[k] > theta[j] ? 1 : 0;
				significantlyBetter += (theta[k] - theta[j]) / differenceSe[j][k] > critical ? 1 : 0;
				significantlyWorse += (theta[j] - theta[k]) / differenceSe[j][k] > critical ? 1 : 0;
			}
			ranks.add(new Rank(1 + higher, 1 + significantlyBetter, p - significantlyWorse));
		}
		return ranks;
	}

	/** Φ((θ̂ − T)/s): how likely the unit's true score reaches the target T. */
	public static double targetProbability(Estimate estimate, double target) {
		if (estimate.se() == 0) {
			return estimate.value() >= target ? 1 : 0;
		}
		return NORMAL.cumulativeProbability((estimate.value() - target) / estimate.se());
	}

	/** θ̂₂ − θ̂₁ with SE √(s₁² + s₂²) and the two-sided normal test of no change. */
	public static Change change(Estimate before, Estimate after) {
		double difference = after.value() - before.value();
		double se = Math.sqrt(before.se() * before.se() + after.se() * after.se());
		double p = se == 0 ? (difference == 0 ? 1 : 0) : 2 * (1 - NORMAL.cumulativeProbability(Math.abs(difference) / se));
		return new Change(difference, se, p);
	}
}
