package org.minyi.scoring.estimation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.math3.linear.DecompositionSolver;

/**
 * The sampling design of a set of respondents, as R's
 * {@code svydesign(id = ~1 or ~cluster, strata = ~stratum, weights = ~w, fpc = ~N)} describes it:
 * every respondent's stratum, primary sampling unit (PSU) and weight, and optionally each
 * stratum's population of PSUs for the finite population correction.
 *
 * <p>Without weights, a stratum with a known population N<sub>h</sub> weighs N<sub>h</sub>/n<sub>h</sub>
 * per sampled PSU (as R derives them from {@code fpc}); otherwise every weight is 1.
 */
public final class SurveyDesign {

	/** What a stratum with a single PSU contributes to the variance (R's {@code survey.lonely.psu}). */
	public enum LonelyPsu {
		/** Refuse to estimate: the variance cannot be computed ("fail", R's default). */
		FAIL,
		/** Contribute nothing, as if it were a certainty PSU ("certainty"). */
		CERTAINTY
	}

	final int size;

	/** Stratum index of each respondent. */
	final int[] stratum;

	/** PSU index of each respondent, unique across strata. */
	final int[] psu;

	/** Stratum index of each PSU. */
	final int[] psuStratum;

	/** Sampled PSUs per stratum. */
	final int[] psusInStratum;

	/** Sampling fraction per stratum (0 without a population). */
	final double[] samplingFraction;

	final double[] weight;

	final LonelyPsu lonelyPsu;

	/** Set after calibration: the variables calibrated on and the weights before, for the variance. */
	final CalibrationBasis calibration;

	/**
	 * What a design was calibrated on: each respondent's level index per margin, the ratio of the weight
	 * before calibration to the weight after (1/g), and the decomposed normal equations of the
	 * calibration variables.
	 */
	static final class CalibrationBasis {

		private final int[][] levelOf;

		private final double[] inverseG;

		private final int[] columnOffsets;

		private final int columnCount;

		private final DecompositionSolver solver;

		CalibrationBasis(int[][] levelOf, double[][] totals, double[] baseWeight, double[] calibratedWeight) {
			this.levelOf = levelOf;
			this.inverseG = new double[baseWeight.length];
			for (int i = 0; i < baseWeight.length; i++) {
				inverseG[i] = baseWeight[i] / calibratedWeight[i];
			}
			this.columnOffsets = Calibration.offsets(totals);
			this.columnCount = Calibration.columns(totals);
			this.solver = Calibration.normalEquations(levelOf, columnOffsets, columnCount, baseWeight);
		}

		int[][] levelOf() {
			return levelOf;
		}

		double[] inverseG() {
			return inverseG;
		}

		int[] columnOffsets() {
			return columnOffsets;
		}

		int columnCount() {
			return columnCount;
		}

		DecompositionSolver solver() {
			return solver;
		}
	}

	private SurveyDesign(int size, int[] stratum, int[] psu, int[] psuStratum, int[] psusInStratum, double[] samplingFraction,
			double[] weight, LonelyPsu lonelyPsu, CalibrationBasis calibration) {
		this.size = size;
		this.stratum = stratum;
		this.psu = psu;
		this.psuStratum = psuStratum;
		this.psusInStratum = psusInStratum;
		this.samplingFraction = samplingFraction;
		this.weight = weight;
		this.lonelyPsu = lonelyPsu;
		this.calibration = calibration;
	}

	/**
	 * @param strata      stratum label per respondent; null for an unstratified design
	 * @param clusters    PSU label per respondent (unique within its stratum); null when each respondent is its own PSU
	 * @param weights     sampling weight per respondent; null to derive them (see class comment)
	 * @param populations population of PSUs per stratum label (N<sub>h</sub>); null or missing labels for no FPC
	 */
	public static SurveyDesign of(String[] strata, String[] clusters, double[] weights, Map<String, Double> populations,
			LonelyPsu lonelyPsu) {
		if (strata == null && clusters == null && weights == null) {
			throw new IllegalArgumentException("a design needs strata, clusters or weights to know its respondents");
		}
		int n = strata != null ? strata.length : clusters != null ? clusters.length : weights.length;
		if ((strata != null && strata.length != n) || (clusters != null && clusters.length != n) || (weights != null && weights.length != n)) {
			throw new IllegalArgumentException("strata, clusters and weights must have one entry per respondent");
		}
		Map<String, Integer> strataIndex = new LinkedHashMap<>();
		int[] stratum = new int[n];
		for (int i = 0; i < n; i++) {
			stratum[i] = strataIndex.computeIfAbsent(strata == null ? "" : strata[i], k -> strataIndex.size());
		}
		int[] psu = new int[n];
		int[] psuStratum = new int[n];
		int psus = clusters == null ? respondentsAsPsus(stratum, psu, psuStratum) : clustersAsPsus(stratum, clusters, psu, psuStratum);
		int[] psusInStratum = new int[strataIndex.size()];
		for (int c = 0; c < psus; c++) {
			psusInStratum[psuStratum[c]]++;
		}
		double[] fraction = new double[strataIndex.size()];
		double[] population = new double[strataIndex.size()];
		Arrays.fill(population, Double.NaN);
		strataIndex.forEach((label, h) -> {
			Double total = populations == null ? null : populations.get(label);
			if (total != null) {
				if (total < psusInStratum[h]) {
					throw new IllegalArgumentException("stratum " + label + " has more sampled PSUs than its population");
				}
				population[h] = total;
				fraction[h] = psusInStratum[h] / total;
			}
		});
		double[] weight = new double[n];
		for (int i = 0; i < n; i++) {
			double derived = Double.isNaN(population[stratum[i]]) ? 1 : population[stratum[i]] / psusInStratum[stratum[i]];
			weight[i] = weights == null ? derived : weights[i];
			if (!(weight[i] > 0) || Double.isInfinite(weight[i])) {
				throw new IllegalArgumentException("weight of respondent " + i + " must be positive and finite");
			}
		}
		return new SurveyDesign(n, stratum, psu, Arrays.copyOf(psuStratum, psus), psusInStratum, fraction, weight,
				lonelyPsu, null);
	}

	/** Each respondent is its own PSU (R's {@code id = ~1}): PSU i is respondent i. */
	private static int respondentsAsPsus(int[] stratum, int[] psu, int[] psuStratum) {
		for (int i = 0; i < stratum.length; i++) {
			psu[i] = i;
			psuStratum[i] = stratum[i];
		}
		return stratum.length;
	}

	/** PSUs numbered in order of appearance; a cluster label is unique within its stratum. */
	private static int clustersAsPsus(int[] stratum, String[] clusters, int[] psu, int[] psuStratum) {
		Map<String, Integer> psuIndex = new HashMap<>();
		for (int i = 0; i < stratum.length; i++) {
			int index = psuIndex.computeIfAbsent(stratum[i] + "\u0000" + clusters[i], k -> psuIndex.size());
			psu[i] = index;
			psuStratum[index] = stratum[i];
		}
		return psuIndex.size();
	}

	/** The same design with calibrated weights, remembering what they were calibrated on. */
	SurveyDesign calibrated(double[] weights, CalibrationBasis basis) {
		return new SurveyDesign(size, stratum, psu, psuStratum, psusInStratum, samplingFraction, weights, lonelyPsu, basis);
	}

	/** Kish's design effect from unequal weights, 1 + CV(w)² = n·Σw² / (Σw)². */
	public double kishDeff() {
		double sum = 0;
		double squares = 0;
		for (double w : weight) {
			sum += w;
			squares += w * w;
		}
		return size * squares / (sum * sum);
	}

	public int size() {
		return size;
	}

	/** PSUs minus strata, R's {@code degf(design)}: the degrees of freedom of t intervals. */
	public int degreesOfFreedom() {
		return psuStratum.length - psusInStratum.length;
	}

	public double weight(int respondent) {
		return weight[respondent];
	}
}
