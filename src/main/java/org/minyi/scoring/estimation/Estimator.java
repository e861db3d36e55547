package org.minyi.scoring.estimation;

import java.util.List;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Design-based means, totals, rates and composites with Taylor-linearised standard errors
 * (STATISTICS.md §1 and §3), the numbers R's {@code svymean}, {@code svytotal}, {@code svyby},
 * {@code svycontrast} and {@code svyciprop} give. A domain (a township, a gender × age group) is
 * estimated with the whole design — respondents outside it contribute zeros — never as a subset
 * treated as a new survey.
 */
public final class Estimator {

	private Estimator() {
	}

	/** One part of a composite: an indicator's values, who answered it validly, and its weight λ. */
	public record Part(double[] y, boolean[] included, double lambda) {
	}

	/**
	 * The weighted mean of {@code y} over the respondents that are {@code included} (in the domain and
	 * with a valid answer); {@code included} null means everyone.
	 */
	public static Estimate mean(SurveyDesign design, double[] y, boolean[] included) {
		Linearised mean = linearisedMean(design, y, included);
		return new Estimate(mean.value, Math.sqrt(variance(design, mean.z)), mean.n);
	}

	/** The weighted total of {@code y} over the respondents {@code included} (null means everyone). */
	public static Estimate total(SurveyDesign design, double[] y, boolean[] included) {
		double total = 0;
		int n = 0;
		double[] z = new double[design.size];
		for (int i = 0; i < design.size; i++) {
			if (in(included, i)) {
				z[i] = design.weight[i] * y[i];
				total += z[i];
				n++;
			}
		}
		return new Estimate(total, Math.sqrt(variance(design, z)), n);
	}

	/**
	 * Σ λⱼ·meanⱼ, each mean over its own valid answers, with the SE of the combined linearisation
	 * Σ λⱼ·zⱼ (not a sum of SEs: the parts are correlated). {@code n} counts respondents in any part.
	 */
	public static Estimate composite(SurveyDesign design, List<Part> parts) {
		double value = 0;
		double[] z = new double[design.size];
		boolean[] anyPart = new boolean[design.size];
		for (Part part : parts) {
			Linearised mean = linearisedMean(design, part.y(), part.included());
			value += part.lambda() * mean.value;
			for (int i = 0; i < design.size; i++) {
				z[i] += part.lambda() * mean.z[i];
				anyPart[i] |= in(part.included(), i);
			}
		}
		int n = 0;
		for (boolean counted : anyPart) {
			n += counted ? 1 : 0;
		}
		return new Estimate(value, Math.sqrt(variance(design, z)), n);
	}

	/**
	 * The logit interval of a rate (a mean of 0/1 values, as a proportion): expit(logit p̂ ± t·SE/(p̂(1−p̂)))
	 * with the t quantile on the design's degrees of freedom, as R's {@code svyciprop(method = "logit")}.
	 * It stays within [0, 1] and behaves near 0 and 1, where p̂ ± 1.96·SE does not.
	 */
	public static double[] logitInterval(SurveyDesign design, Estimate rate, double level) {
		double p = rate.value();
		if (p <= 0 || p >= 1) {
			return new double[] { p, p };
		}
		double logit = Math.log(p / (1 - p));
		double halfWidth = new TDistribution(design.degreesOfFreedom()).inverseCumulativeProbability(0.5 + level / 2)
				* rate.se() / (p * (1 - p));
		return new double[] { expit(logit - halfWidth), expit(logit + halfWidth) };
	}

	private static double expit(double x) {
		return 1 / (1 + Math.exp(-x));
	}

	/** A ratio mean and its linearised values z_i = w_i·(y_i − R̂)/Σw over the included respondents. */
	private record Linearised(double value, double[] z, int n) {
	}

	private static Linearised linearisedMean(SurveyDesign design, double[] y, boolean[] included) {
		double weightSum = 0;
		double weighted = 0;
		int n = 0;
		for (int i = 0; i < design.size; i++) {
			if (in(included, i)) {
				weightSum += design.weight[i];
				weighted += design.weight[i] * y[i];
				n++;
			}
		}
		double[] z = new double[design.size];
		if (n == 0) {
			return new Linearised(Double.NaN, z, 0);
		}
		double mean = weighted / weightSum;
		for (int i = 0; i < design.size; i++) {
			if (in(included, i)) {
				z[i] = design.weight[i] * (y[i] - mean) / weightSum;
			}
		}
		return new Linearised(mean, z, n);
	}

	/**
	 * The with-replacement variance of a total of linearised values, with the finite population
	 * correction: Σ_h (1 − f_h) · n_h/(n_h − 1) · Σ_c (z_hc − z̄_h)², over PSU totals z_hc; after
	 * calibration, of their residuals on the calibration variables.
	 */
	static double variance(SurveyDesign design, double[] linearised) {
		double[] z = design.calibration == null ? linearised : Calibration.residuals(design, linearised);
		double[] psuTotal = z;
		if (design.psuStratum.length < design.size) {
			psuTotal = new double[design.psuStratum.length];
			for (int i = 0; i < design.size; i++) {
				psuTotal[design.psu[i]] += z[i];
			}
		}
		int strata = design.psusInStratum.length;
		double[] stratumSum = new double[strata];
		for (int c = 0; c < psuTotal.length; c++) {
			stratumSum[design.psuStratum[c]] += psuTotal[c];
		}
		double[] squares = new double[strata];
		for (int c = 0; c < psuTotal.length; c++) {
			int h = design.psuStratum[c];
			double deviation = psuTotal[c] - stratumSum[h] / design.psusInStratum[h];
			squares[h] += deviation * deviation;
		}
		double variance = 0;
		for (int h = 0; h < strata; h++) {
			int psus = design.psusInStratum[h];
			if (psus == 1) {
				if (design.lonelyPsu == SurveyDesign.LonelyPsu.FAIL) {
					throw new IllegalStateException("a stratum has a single PSU; its variance cannot be estimated");
				}
				continue;
			}
			variance += (1 - design.samplingFraction[h]) * psus / (psus - 1.0) * squares[h];
		}
		return variance;
	}

	private static boolean in(boolean[] included, int i) {
		return included == null || included[i];
	}
}
