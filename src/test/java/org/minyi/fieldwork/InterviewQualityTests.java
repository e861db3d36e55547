package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.minyi.survey.Answers;
import org.minyi.survey.StandardAnswers;
import org.minyi.survey.instrumentfile.InstrumentFiles;

/** The statistics behind interview quality control, checked against published and hand-computed values. */
class InterviewQualityTests {

	private final AnswerPatterns patterns = new AnswerPatterns(InstrumentFiles.standard(), 5);

	/**
	 * Student's sleep data (R's {@code sleep}): {@code t.test(extra ~ group, data = sleep)} reports the
	 * Welch test t = -1.8608, df = 17.776, p-value = 0.07939. A pooled-variance test would give
	 * p = 0.07919 — the p-value tells the two apart.
	 */
	@Test
	void theComparisonIsWelchsTestAsPublishedForTheSleepData() {
		double[] group1 = { 0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0 };
		double[] group2 = { 1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4 };
		Map<String, double[]> scores = new LinkedHashMap<>();
		scores.put("a", group1);
		scores.put("b", group2);

		InterviewerComparison.Result a = InterviewerComparison.compare(scores, 0.05, 10).get(0);

		assertThat(a.t()).isCloseTo(-1.8608, within(0.00005));
		assertThat(a.pValue()).isCloseTo(0.07939, within(0.000005));
		assertThat(a.mean()).isCloseTo(0.75, within(1e-12));
		assertThat(a.othersMean()).isCloseTo(2.33, within(1e-12));
		assertThat(a.outlier()).isFalse();
	}

	@Test
	void aFabricatorIsFlaggedWithoutMakingTheHonestInterviewersLookDifferent() {
		Map<String, double[]> scores = new LinkedHashMap<>();
		scores.put("honest1", spread(70, 12, 1));
		scores.put("honest2", spread(72, 12, 1));
		scores.put("honest3", spread(69, 12, 1));
		scores.put("fabricator", spread(100, 12, 0));
		scores.put("newcomer", spread(20, 3, 5));

		Map<String, InterviewerComparison.Result> results = new LinkedHashMap<>();
		InterviewerComparison.compare(scores, 0.01, 10).forEach(r -> results.put(r.interviewer(), r));

		assertThat(results).extractingFromEntries(e -> e.getValue().outlier()).containsExactly(false, false, false, true, false);
		assertThat(results.get("fabricator").pValue()).isLessThan(0.01 / 4);
		assertThat(results.get("honest1").othersMean()).as("compared without the fabricator").isLessThan(72);
		assertThat(results.get("honest1").pValue()).isGreaterThan(0.01 / 3);
		assertThat(results.get("newcomer").pValue()).as("too few interviews to test").isNull();
		assertThat(results.get("newcomer").interviews()).isEqualTo(3);
	}

	@Test
	void withTwoInterviewersNobodyCanBeTheOutlier() {
		Map<String, double[]> scores = new LinkedHashMap<>();
		scores.put("a", spread(60, 12, 1));
		scores.put("b", spread(95, 12, 1));
		List<InterviewerComparison.Result> results = InterviewerComparison.compare(scores, 0.01, 10);
		assertThat(results).allMatch(r -> r.pValue() < 1e-10).noneMatch(InterviewerComparison.Result::outlier);
	}

	@Test
	void scoresWithoutSpreadAreComparedByTheirMeans() {
		Map<String, double[]> scores = new LinkedHashMap<>();
		scores.put("a", spread(80, 10, 0));
		scores.put("b", spread(80, 10, 0));
		scores.put("c", spread(100, 10, 0));
		List<InterviewerComparison.Result> results = InterviewerComparison.compare(scores, 0.01, 10);
		assertThat(results).extracting(InterviewerComparison.Result::outlier).containsExactly(false, false, true);
		assertThat(results.get(2).pValue()).as("100 against 80s with no spread at all").isZero();
		assertThat(results.get(0).pValue()).as("a against b: all alike").isEqualTo(1.0);
	}

	/**
	 * Hand-computed: Q1 SAFE 80, Q2 BETTER 100, Q3–Q7 SATISFIED 5 × 80, Q8 KNOW 100, Q9 DID_NOT 0,
	 * Q10 OFTEN 100; Q11 NEVER_HAD is not valid, screening and demographics carry no points:
	 * 780 / 10 = 78.
	 */
	@Test
	void anInterviewsScoreIsTheMeanOfItsValidScoredAnswers() {
		assertThat(patterns.score(Answers.of(StandardAnswers.complete())).getAsDouble()).isEqualTo(78.0);
		assertThat(patterns.score(Answers.of(StandardAnswers.with("Q1", "DONT_KNOW"))).getAsDouble()).isEqualTo(700.0 / 9);
		assertThat(patterns.score(Answers.of(Map.of("S1", List.of("YES"))))).isEmpty();
	}

	@Test
	void fiveAlikeAnswersOnOneScaleAreStraightLining() {
		assertThat(patterns.straightLined(Answers.of(StandardAnswers.complete()))).as("Q3–Q7 all SATISFIED").isTrue();
		assertThat(patterns.straightLined(Answers.of(StandardAnswers.with("Q5", "VERY_SATISFIED")))).isFalse();
		assertThat(patterns.straightLined(Answers.of(StandardAnswers.with("Q5", "DONT_KNOW"))))
			.as("four valid alike answers are fewer than five").isFalse();
		assertThat(new AnswerPatterns(InstrumentFiles.standard(), 6).straightLined(Answers.of(StandardAnswers.complete())))
			.as("the satisfaction scale has five questions").isFalse();
	}

	/** n scores around a centre: centre − 2·step … centre + 2·step in turn. */
	private static double[] spread(double centre, int n, double step) {
		return IntStream.range(0, n).mapToDouble(i -> centre + (i % 5 - 2) * step).toArray();
	}
}
