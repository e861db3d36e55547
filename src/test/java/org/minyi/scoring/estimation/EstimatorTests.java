package org.minyi.scoring.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.minyi.scoring.RReference;
import org.minyi.scoring.estimation.SurveyDesign.LonelyPsu;

/**
 * Means, totals and domain means against R's {@code survey} package on its public {@code api}
 * data: the values printed in the package documentation (to their printed digits), and the same
 * numbers to 15 digits from {@code src/test/resources/scoring/r/api-reference.R}.
 */
class EstimatorTests {

	private static final ApiSample STRAT = ApiSample.read("apistrat.csv");

	private static final ApiSample CLUS1 = ApiSample.read("apiclus1.csv");

	private static final Map<String, double[]> R = RReference.expected();

	@Test
	void stratifiedSampleMatchesThePublishedValues() {
		SurveyDesign design = STRAT.stratified(true);
		Estimate mean = Estimator.mean(design, STRAT.api00, null);
		assertThat(mean.value()).isCloseTo(662.29, within(0.005));
		assertThat(mean.se()).isCloseTo(9.4089, within(0.00005));
		Estimate total = Estimator.total(design, STRAT.enroll, null);
		assertThat(total.value()).isCloseTo(3687178, within(0.5));
		assertThat(total.se()).isCloseTo(114642, within(0.5));
	}

	@Test
	void oneStageClusterSampleMatchesThePublishedValues() {
		SurveyDesign design = CLUS1.clustered(true);
		Estimate mean = Estimator.mean(design, CLUS1.api00, null);
		assertThat(mean.value()).isCloseTo(644.17, within(0.005));
		assertThat(mean.se()).isCloseTo(23.542, within(0.0005));
		Estimate total = Estimator.total(design, CLUS1.enroll, null);
		assertThat(total.value()).isCloseTo(3404940, within(0.5));
		assertThat(total.se()).isCloseTo(932235, within(0.5));
	}

	@Test
	void everyCaseMatchesRToNineDigits() {
		assertCase("strat.mean.api00", Estimator.mean(STRAT.stratified(true), STRAT.api00, null));
		assertCase("strat.total.enroll", Estimator.total(STRAT.stratified(true), STRAT.enroll, null));
		assertCase("strat.nofpc.mean.api00", Estimator.mean(STRAT.stratified(false), STRAT.api00, null));
		assertCase("clus1.mean.api00", Estimator.mean(CLUS1.clustered(true), CLUS1.api00, null));
		assertCase("clus1.total.enroll", Estimator.total(CLUS1.clustered(true), CLUS1.enroll, null));
		SurveyDesign derived = SurveyDesign.of(null, CLUS1.dnum, null, Map.of("", CLUS1.fpc[0]), LonelyPsu.FAIL);
		assertCase("clus1.derived.mean.api00", Estimator.mean(derived, CLUS1.api00, null));
		for (String type : List.of("E", "H", "M")) {
			assertCase("strat.by.stype." + type + ".mean.api00", Estimator.mean(STRAT.stratified(true), STRAT.api00, STRAT.ofType(type)));
			assertCase("clus1.by.stype." + type + ".mean.api00", Estimator.mean(CLUS1.clustered(true), CLUS1.api00, CLUS1.ofType(type)));
		}
		assertCase("strat.mean.schwide", Estimator.mean(STRAT.stratified(true), STRAT.schoolWide, null));
	}

	@Test
	void ratesGetRsLogitIntervalOnTheDesignsDegreesOfFreedom() {
		for (String sample : List.of("strat", "clus1")) {
			SurveyDesign design = sample.equals("strat") ? STRAT.stratified(true) : CLUS1.clustered(true);
			ApiSample data = sample.equals("strat") ? STRAT : CLUS1;
			assertThat(design.degreesOfFreedom()).isEqualTo((int) R.get(sample + ".ciprop.schwide.degf")[0]);
			double[] interval = Estimator.logitInterval(design, Estimator.mean(design, data.schoolWide, null), 0.95);
			assertThat(interval[0]).as(sample).isCloseTo(R.get(sample + ".ciprop.schwide.lower")[0], withinPercentage(1e-7));
			assertThat(interval[1]).as(sample).isCloseTo(R.get(sample + ".ciprop.schwide.upper")[0], withinPercentage(1e-7));
		}
	}

	@Test
	void compositesTakeTheSeOfTheCombinedLinearisation() {
		List<Estimator.Part> strat = List.of(new Estimator.Part(STRAT.api00, null, 0.5), new Estimator.Part(STRAT.api99, null, 0.5));
		assertCase("strat.composite.api", Estimator.composite(STRAT.stratified(true), strat));
		List<Estimator.Part> clus1 = List.of(new Estimator.Part(CLUS1.api00, null, 0.5), new Estimator.Part(CLUS1.api99, null, 0.5));
		assertCase("clus1.composite.api", Estimator.composite(CLUS1.clustered(true), clus1));
	}

	@Test
	void rakingMatchesEveryMarginAndRsCalibratedStandardErrors() {
		String[] schoolWide = new String[CLUS1.size()];
		for (int i = 0; i < schoolWide.length; i++) {
			schoolWide[i] = CLUS1.schoolWide[i] == 1 ? "Yes" : "No";
		}
		Margin types = new Margin("stype", CLUS1.stype, Map.of("E", 4421.0, "H", 755.0, "M", 1018.0));
		Margin target = new Margin("sch.wide", schoolWide, Map.of("No", 1072.0, "Yes", 5122.0));
		Calibration.Result raked = Calibration.rake(CLUS1.clustered(true), List.of(types, target), 1e-10, 100);
		assertThat(raked.converged()).isTrue();
		assertThat(raked.maxRelativeError()).isLessThanOrEqualTo(1e-10);
		assertThat(Estimator.total(raked.design(), ones(CLUS1.size()), CLUS1.ofType("H")).value()).isCloseTo(755, within(755e-10));
		assertCase("clus1.raked.mean.api00", Estimator.mean(raked.design(), CLUS1.api00, null));
		assertCase("clus1.raked.total.enroll", Estimator.total(raked.design(), CLUS1.enroll, null));

		Calibration.Result poststratified = Calibration.rake(CLUS1.clustered(true), List.of(types), 1e-10, 100);
		assertThat(poststratified.iterations()).as("one margin fits in one pass").isEqualTo(1);
		assertCase("clus1.poststratified.mean.api00", Estimator.mean(poststratified.design(), CLUS1.api00, null));
		assertCase("clus1.poststratify.mean.api00", Estimator.mean(poststratified.design(), CLUS1.api00, null));
	}

	@Test
	void rakingThatCannotMeetAMarginSaysSo() {
		String[] level = { "a", "a", "b" };
		Margin impossible = new Margin("x", level, Map.of("a", 10.0, "b", 5.0, "c", 5.0));
		Calibration.Result result = Calibration.rake(SurveyDesign.of(null, null, new double[] { 1, 1, 1 }, null, LonelyPsu.FAIL),
				List.of(impossible), 1e-10, 100);
		assertThat(result.converged()).isFalse();
		assertThat(result.iterations()).isEqualTo(100);
	}

	@Test
	void trimmedRakingKeepsWeightsWithinBoundsAndSaysWhenBoundsCannotHold() {
		String[] level = { "a", "a", "a", "b" };
		SurveyDesign design = SurveyDesign.of(null, null, new double[] { 1, 1, 1, 1 }, null, LonelyPsu.FAIL);
		Margin margin = new Margin("x", level, Map.of("a", 30.0, "b", 30.0));
		// unbounded, the single "b" respondent would weigh 30
		Calibration.Result trimmed = Calibration.rake(design, List.of(margin), 0, 20, 1e-10, 100);
		assertThat(trimmed.converged()).isFalse();
		Calibration.Result wide = Calibration.rake(design, List.of(margin), 0, 30, 1e-10, 100);
		assertThat(wide.converged()).isTrue();
		assertThat(Estimator.total(wide.design(), ones(4), null).value()).isCloseTo(60, within(1e-8));
		for (int i = 0; i < 4; i++) {
			assertThat(wide.design().weight(i)).isBetween(0.0, 30.0);
		}
	}

	@Test
	void kishDesignEffectComesFromTheSpreadOfTheWeights() {
		// weights 1, 1, 2, 4: n·Σw²/(Σw)² = 4·22/64
		SurveyDesign design = SurveyDesign.of(null, null, new double[] { 1, 1, 2, 4 }, null, LonelyPsu.FAIL);
		assertThat(design.kishDeff()).isCloseTo(1.375, within(1e-12));
	}

	@Test
	void scalingTheWeightsOrPermutingRespondentsChangesNoMean() {
		double[] doubled = STRAT.weight.clone();
		for (int i = 0; i < doubled.length; i++) {
			doubled[i] *= 7.5;
		}
		Estimate base = Estimator.mean(STRAT.stratified(false), STRAT.api00, null);
		Estimate scaled = Estimator.mean(SurveyDesign.of(STRAT.stype, null, doubled, null, LonelyPsu.FAIL), STRAT.api00, null);
		assertThat(scaled.value()).isCloseTo(base.value(), withinPercentage(1e-10));
		assertThat(scaled.se()).isCloseTo(base.se(), withinPercentage(1e-10));

		int[] order = new Random(42).ints(0, STRAT.size()).distinct().limit(STRAT.size()).toArray();
		ApiSample shuffled = STRAT.reordered(order);
		Estimate permuted = Estimator.mean(shuffled.stratified(true), shuffled.api00, null);
		Estimate original = Estimator.mean(STRAT.stratified(true), STRAT.api00, null);
		assertThat(permuted.value()).isCloseTo(original.value(), withinPercentage(1e-10));
		assertThat(permuted.se()).isCloseTo(original.se(), withinPercentage(1e-10));
	}

	@Test
	void aCensusHasNoSamplingError() {
		String[] strata = { "a", "a", "b", "b", "b" };
		double[] y = { 60, 80, 100, 30, 0 };
		SurveyDesign census = SurveyDesign.of(strata, null, null, Map.of("a", 2.0, "b", 3.0), LonelyPsu.FAIL);
		Estimate mean = Estimator.mean(census, y, null);
		assertThat(mean.value()).isEqualTo(54.0);
		assertThat(mean.se()).isZero();
	}

	@Test
	void aStratumWithOnePsuNeedsAPolicy() {
		String[] strata = { "a", "a", "b" };
		double[] y = { 60, 80, 100 };
		assertThatThrownBy(() -> Estimator.mean(SurveyDesign.of(strata, null, null, null, LonelyPsu.FAIL), y, null))
			.isInstanceOf(IllegalStateException.class);
		Estimate certainty = Estimator.mean(SurveyDesign.of(strata, null, null, null, LonelyPsu.CERTAINTY), y, null);
		assertThat(certainty.value()).isEqualTo(80.0);
		// by hand: weights 1, z = (y - 80)/3 → stratum a: -20/3, 0; variance 2/(2-1)·((−20/3+10/3)² + (0+10/3)²)
		assertThat(certainty.se()).isCloseTo(Math.sqrt(2 * (2 * Math.pow(10.0 / 3, 2))), within(1e-12));
	}

	private static double[] ones(int n) {
		double[] ones = new double[n];
		Arrays.fill(ones, 1);
		return ones;
	}

	private static void assertCase(String name, Estimate estimate) {
		double[] expected = R.get(name);
		assertThat(estimate.value()).as(name).isCloseTo(expected[0], withinPercentage(1e-7));
		assertThat(estimate.se()).as(name + " SE").isCloseTo(expected[1], withinPercentage(1e-7));
	}

	/** The columns of R's api samples that the tests use. */
	record ApiSample(String[] stype, String[] dnum, double[] weight, double[] fpc, double[] api00, double[] api99, double[] enroll,
			double[] schoolWide) {

		static ApiSample read(String file) {
			List<CSVRecord> rows = RReference.records(file);
			int n = rows.size();
			ApiSample sample = new ApiSample(new String[n], new String[n], new double[n], new double[n], new double[n], new double[n],
					new double[n], new double[n]);
			for (int i = 0; i < n; i++) {
				CSVRecord row = rows.get(i);
				sample.stype[i] = row.get("stype");
				sample.dnum[i] = row.get("dnum");
				sample.weight[i] = Double.parseDouble(row.get("pw"));
				sample.fpc[i] = Double.parseDouble(row.get("fpc"));
				sample.api00[i] = Double.parseDouble(row.get("api00"));
				sample.api99[i] = Double.parseDouble(row.get("api99"));
				sample.enroll[i] = Double.parseDouble(row.get("enroll"));
				sample.schoolWide[i] = row.get("sch.wide").equals("Yes") ? 1 : 0;
			}
			return sample;
		}

		int size() {
			return api00.length;
		}

		/** svydesign(id = ~1, strata = ~stype, weights = ~pw[, fpc = ~fpc]) */
		SurveyDesign stratified(boolean withFpc) {
			return SurveyDesign.of(stype, null, weight, withFpc ? populations(stype) : null, LonelyPsu.FAIL);
		}

		/** svydesign(id = ~dnum, weights = ~pw[, fpc = ~fpc]) */
		SurveyDesign clustered(boolean withFpc) {
			return SurveyDesign.of(null, dnum, weight, withFpc ? Map.of("", fpc[0]) : null, LonelyPsu.FAIL);
		}

		boolean[] ofType(String type) {
			boolean[] in = new boolean[size()];
			for (int i = 0; i < in.length; i++) {
				in[i] = stype[i].equals(type);
			}
			return in;
		}

		ApiSample reordered(int[] order) {
			int n = order.length;
			ApiSample copy = new ApiSample(new String[n], new String[n], new double[n], new double[n], new double[n], new double[n],
					new double[n], new double[n]);
			for (int i = 0; i < order.length; i++) {
				copy.stype[i] = stype[order[i]];
				copy.dnum[i] = dnum[order[i]];
				copy.weight[i] = weight[order[i]];
				copy.fpc[i] = fpc[order[i]];
				copy.api00[i] = api00[order[i]];
				copy.api99[i] = api99[order[i]];
				copy.enroll[i] = enroll[order[i]];
				copy.schoolWide[i] = schoolWide[order[i]];
			}
			return copy;
		}

		private Map<String, Double> populations(String[] labels) {
			Map<String, Double> populations = new HashMap<>();
			for (int i = 0; i < labels.length; i++) {
				populations.put(labels[i], fpc[i]);
			}
			return populations;
		}
	}
}
