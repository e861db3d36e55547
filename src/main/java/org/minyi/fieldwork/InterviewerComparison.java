package org.minyi.fieldwork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Compares each interviewer's interviews with the other interviewers': Welch's two-sample t-test on
 * the interviews' mean scores (each interview one observation, so the observations are
 * independent).
 * <p>
 * A fabricator who gives every respondent the best answers also drags the "others" of every honest
 * interviewer towards them, and with few interviewers that alone can make the honest ones look
 * different. Outliers are therefore found step by step (Holm's step-down): the most significant
 * interviewer is flagged when its p-value is below {@code alpha} divided by the number of
 * interviewers still compared, is then left out of everybody's comparison, and the rest are
 * tested again. Who differs can only be told among three or more, so with two nobody is flagged.
 * Interviewers with too few interviews are listed but not tested; their interviews still count
 * among the others'.
 */
final class InterviewerComparison {

	/** Who differs from whom can only be told among at least this many interviewers. */
	private static final int MIN_COMPARED = 3;

	/**
	 * @param pValue null when not tested (too few interviews on either side)
	 */
	record Result(String interviewer, int interviews, double mean, double othersMean, Double t, Double pValue, boolean outlier) {

		private double strength() {
			return t == null ? 0 : Math.abs(t);
		}
	}

	private InterviewerComparison() {
	}

	static List<Result> compare(Map<String, double[]> scoresByInterviewer, double alpha, int minInterviews) {
		Set<String> outliers = new HashSet<>();
		Map<String, Result> flagged = new LinkedHashMap<>();
		while (true) {
			List<Result> tested = scoresByInterviewer.keySet().stream()
				.filter(interviewer -> !outliers.contains(interviewer))
				.map(interviewer -> test(interviewer, scoresByInterviewer, outliers, minInterviews))
				.filter(result -> result.pValue() != null)
				.toList();
			if (tested.size() < MIN_COMPARED) {
				break;
			}
			Result most = tested.stream()
				.min(Comparator.comparing(Result::pValue).thenComparing(Result::strength, Comparator.reverseOrder()))
				.orElseThrow();
			if (most.pValue() >= alpha / tested.size()) {
				break;
			}
			outliers.add(most.interviewer());
			flagged.put(most.interviewer(), new Result(most.interviewer(), most.interviews(), most.mean(), most.othersMean(), most.t(),
					most.pValue(), true));
		}
		List<Result> results = new ArrayList<>();
		scoresByInterviewer.keySet().forEach(interviewer -> results.add(flagged.containsKey(interviewer) ? flagged.get(interviewer)
				: test(interviewer, scoresByInterviewer, outliers, minInterviews)));
		return results;
	}

	/** One interviewer against everybody else not already found to be an outlier. */
	private static Result test(String interviewer, Map<String, double[]> scoresByInterviewer, Set<String> outliers,
			int minInterviews) {
		double[] scores = scoresByInterviewer.get(interviewer);
		double[] others = scoresByInterviewer.entrySet().stream()
			.filter(e -> !e.getKey().equals(interviewer) && !outliers.contains(e.getKey()))
			.flatMapToDouble(e -> Arrays.stream(e.getValue()))
			.toArray();
		double mean = scores.length == 0 ? Double.NaN : StatUtils.mean(scores);
		double othersMean = others.length == 0 ? Double.NaN : StatUtils.mean(others);
		if (scores.length < minInterviews || others.length < minInterviews) {
			return new Result(interviewer, scores.length, mean, othersMean, null, null, false);
		}
		TTest welch = new TTest();
		double t = welch.t(scores, others);
		// no spread on either side: t is infinite (means differ) or undefined (all alike), and has no p-value
		double p = Double.isFinite(t) ? welch.tTest(scores, others) : (Double.isNaN(t) ? 1.0 : 0.0);
		return new Result(interviewer, scores.length, mean, othersMean, t, p, false);
	}
}
