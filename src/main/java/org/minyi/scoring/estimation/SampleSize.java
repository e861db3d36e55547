package org.minyi.scoring.estimation;

/**
 * The sample-size planner of STATISTICS.md §7: n₀ = z²·S²·deff/ε², n = n₀/(1 + n₀/N), and the
 * numbers to release for an expected completion rate.
 */
public final class SampleSize {

	private SampleSize() {
	}

	/**
	 * Completes needed for a score or rate to within ±{@code margin} points (95 %).
	 *
	 * @param variance   S²: the points variance of a score, or p(1 − p)·100² for a rate in percent
	 * @param deff       design effect (1 for simple random sampling; Kish's for unequal weights)
	 * @param population N, or {@code Double.POSITIVE_INFINITY} to ignore the finite population
	 */
	public static int completes(double variance, double deff, double margin, double population) {
		double n0 = Estimate.Z95 * Estimate.Z95 * variance * deff / (margin * margin);
		return (int) Math.ceil(n0 / (1 + n0 / population));
	}

	/** S² of a rate expected near {@code percent} (0–100), on the 0–100 scale. */
	public static double rateVariance(double percent) {
		double p = percent / 100;
		return p * (1 - p) * 100 * 100;
	}

	/** Numbers to release so that {@code completes} are expected at the given completion rate (above 0, at most 1). */
	public static int released(int completes, double completionRate) {
		if (!(completionRate > 0 && completionRate <= 1)) {
			throw new IllegalArgumentException("completion rate must be in (0, 1]");
		}
		return (int) Math.ceil(completes / completionRate);
	}

	/** The ±margin (95 %) that {@code completes} give: z·S·√(deff/n)·√(1 − n/N). */
	public static double margin(double variance, double deff, int completes, double population) {
		double fpc = Double.isInfinite(population) ? 1 : 1 - completes / population;
		return Estimate.Z95 * Math.sqrt(variance * deff / completes * fpc);
	}
}
