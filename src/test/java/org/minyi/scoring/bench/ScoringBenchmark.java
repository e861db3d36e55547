package org.minyi.scoring.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.minyi.scoring.estimation.Calibration;
import org.minyi.scoring.estimation.Estimate;
import org.minyi.scoring.estimation.Estimator;
import org.minyi.scoring.estimation.Margin;
import org.minyi.scoring.estimation.Rankings;
import org.minyi.scoring.estimation.SurveyDesign;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The scoring budget of issue 5: 1,000,000 respondents in 10 strata with 6 indicators, raked to 3
 * margins (stratum, gender, age group) to 1e-10, then every indicator for the district and each
 * stratum with its SE, and the ranks with rank sets of the strata per indicator — against the floor
 * of one plain pass over the same arrays. Run with {@code bench/scoring.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g" })
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class ScoringBenchmark {

	static final int RESPONDENTS = 1_000_000;

	static final int STRATA = 10;

	static final int INDICATORS = 6;

	private static final double[] POINTS = { 100, 80, 60, 30, 0 };

	private static final String[] AGE_GROUPS = { "18-29", "30-39", "40-49", "50-59", "60+" };

	/** Population shares of the age groups; respondents over-represent the old, so raking has work to do. */
	private static final double[] AGE_SHARES = { 0.2, 0.2, 0.22, 0.2, 0.18 };

	private static final double[] AGE_SAMPLE_SHARES = { 0.1, 0.15, 0.2, 0.25, 0.3 };

	String[] stratum;

	int[] stratumIndex;

	Map<String, Double> populations;

	List<Margin> margins;

	/** Points per indicator and respondent, NaN where the answer is not valid. */
	double[][] values;

	@Setup
	public void generate() {
		Random random = new Random(20261128);
		stratum = new String[RESPONDENTS];
		stratumIndex = new int[RESPONDENTS];
		String[] gender = new String[RESPONDENTS];
		String[] age = new String[RESPONDENTS];
		values = new double[INDICATORS][RESPONDENTS];
		populations = new HashMap<>();
		Map<String, Double> genderTotals = new HashMap<>();
		Map<String, Double> ageTotals = new HashMap<>();
		double population = 0;
		for (int h = 0; h < STRATA; h++) {
			double size = 200_000 + 60_000 * h;
			populations.put("T" + h, size);
			population += size;
		}
		genderTotals.put("F", population * 0.49);
		genderTotals.put("M", population * 0.51);
		for (int a = 0; a < AGE_GROUPS.length; a++) {
			ageTotals.put(AGE_GROUPS[a], population * AGE_SHARES[a]);
		}
		for (int i = 0; i < RESPONDENTS; i++) {
			int h = i % STRATA;
			stratum[i] = "T" + h;
			stratumIndex[i] = h;
			gender[i] = random.nextDouble() < 0.56 ? "F" : "M";
			age[i] = AGE_GROUPS[pick(random, AGE_SAMPLE_SHARES)];
			for (int k = 0; k < INDICATORS; k++) {
				double mood = 0.3 + 0.04 * h + 0.02 * k;
				values[k][i] = random.nextDouble() < 0.05 ? Double.NaN : POINTS[random.nextDouble() < mood ? 0 : 1 + random.nextInt(4)];
			}
		}
		margins = List.of(new Margin("stratum", stratum, populations), new Margin("gender", gender, genderTotals),
				new Margin("age", age, ageTotals));
	}

	private static int pick(Random random, double[] shares) {
		double u = random.nextDouble();
		for (int a = 0; a < shares.length - 1; a++) {
			u -= shares[a];
			if (u < 0) {
				return a;
			}
		}
		return shares.length - 1;
	}

	/** Design weights, raking, 6 × (1 + 10) estimates with SEs, and 6 rankings with rank sets. */
	@Benchmark
	public void scoreRound(Blackhole sink) {
		SurveyDesign design = SurveyDesign.of(stratum, null, null, populations, SurveyDesign.LonelyPsu.FAIL);
		Calibration.Result raked = Calibration.rake(design, margins, 1e-10, 100);
		if (!raked.converged()) {
			throw new IllegalStateException("raking did not converge");
		}
		SurveyDesign calibrated = raked.design();
		for (double[] indicator : values) {
			double[] y = new double[RESPONDENTS];
			boolean[] valid = new boolean[RESPONDENTS];
			for (int i = 0; i < RESPONDENTS; i++) {
				valid[i] = !Double.isNaN(indicator[i]);
				y[i] = valid[i] ? indicator[i] : 0;
			}
			sink.consume(Estimator.mean(calibrated, y, valid));
			double[] theta = new double[STRATA];
			double[] se = new double[STRATA];
			for (int h = 0; h < STRATA; h++) {
				boolean[] inStratum = new boolean[RESPONDENTS];
				for (int i = 0; i < RESPONDENTS; i++) {
					inStratum[i] = valid[i] && stratumIndex[i] == h;
				}
				Estimate estimate = Estimator.mean(calibrated, y, inStratum);
				theta[h] = estimate.value();
				se[h] = estimate.se();
			}
			sink.consume(Rankings.rank(theta, se, 0.05));
		}
	}

	/** The floor: one pass over the same arrays, summing each indicator's valid points per stratum. */
	@Benchmark
	public double[][] plainPass() {
		double[][] sums = new double[INDICATORS][STRATA];
		for (int i = 0; i < RESPONDENTS; i++) {
			int h = stratumIndex[i];
			for (int k = 0; k < INDICATORS; k++) {
				double value = values[k][i];
				if (value == value) {
					sums[k][h] += value;
				}
			}
		}
		return sums;
	}
}
