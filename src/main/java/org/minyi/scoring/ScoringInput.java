package org.minyi.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.minyi.scoring.ScoringSettings.CalibrationMargin;
import org.minyi.scoring.estimation.Calibration;
import org.minyi.scoring.estimation.Estimate;
import org.minyi.scoring.estimation.Estimator;
import org.minyi.scoring.estimation.Margin;
import org.minyi.scoring.estimation.SurveyDesign;
import org.minyi.survey.AnswerOption;
import org.minyi.survey.Answers;
import org.minyi.survey.Composite;
import org.minyi.survey.InstrumentDefinition;
import org.minyi.survey.Question;

/**
 * A round's complete responses as the arrays estimation works on: each respondent's township,
 * gender and age group and, per score indicator, the points of the answer and whether it is valid
 * (STATISTICS.md §1).
 * Composites are expanded to weights on score indicators (a composite of composites too).
 */
final class ScoringInput {

	/** Score indicators in question order: indicator code → question. */
	private final Map<String, Question> scores = new LinkedHashMap<>();

	/** Composites expanded to score-indicator weights, in definition order. */
	private final Map<String, Map<String, Double>> composites = new LinkedHashMap<>();

	private final List<Long> township = new ArrayList<>();

	private final List<Long> community = new ArrayList<>();

	/** The questions whose option codes are the gender and age-group cells of the population figures. */
	private Question genderQuestion;

	private Question ageQuestion;

	private final List<String> gender = new ArrayList<>();

	private final List<String> age = new ArrayList<>();

	private final Map<String, List<Double>> points = new LinkedHashMap<>();

	private ScoringInput() {
	}

	static ScoringInput of(InstrumentDefinition definition, Set<String> genderCodes, Set<String> ageCodes) {
		ScoringInput input = new ScoringInput();
		input.genderQuestion = definition.questionWithOptions(genderCodes).orElse(null);
		input.ageQuestion = definition.questionWithOptions(ageCodes).orElse(null);
		for (Question question : definition.questions()) {
			if (question.isScored()) {
				input.scores.put(question.indicator(), question);
				input.points.put(question.indicator(), new ArrayList<>());
			}
		}
		Map<String, Composite> byCode = new LinkedHashMap<>();
		definition.composites().forEach(c -> byCode.put(c.code(), c));
		for (Composite composite : definition.composites()) {
			input.composites.put(composite.code(), input.expand(composite, byCode, 1.0, new LinkedHashMap<>()));
		}
		return input;
	}

	private Map<String, Double> expand(Composite composite, Map<String, Composite> byCode, double factor, Map<String, Double> into) {
		composite.weights().forEach((part, lambda) -> {
			if (byCode.containsKey(part)) {
				expand(byCode.get(part), byCode, factor * lambda, into);
			}
			else if (scores.containsKey(part)) {
				into.merge(part, factor * lambda, Double::sum);
			}
		});
		return into;
	}

	void add(long stratum, Long communityId, Answers answers) {
		township.add(stratum);
		community.add(communityId);
		gender.add(genderQuestion == null ? null : answers.get(genderQuestion.id()).stream().findFirst().orElse(null));
		age.add(ageQuestion == null ? null : answers.get(ageQuestion.id()).stream().findFirst().orElse(null));
		scores.forEach((indicator, question) -> {
			List<String> given = answers.get(question.id());
			Integer value = given.isEmpty() ? null
					: question.option(given.get(0)).filter(AnswerOption::valid).map(AnswerOption::points).orElse(null);
			points.get(indicator).add(value == null ? Double.NaN : value.doubleValue());
		});
	}

	int size() {
		return township.size();
	}

	List<String> indicators() {
		List<String> all = new ArrayList<>(scores.keySet());
		all.addAll(composites.keySet());
		return all;
	}

	/** The indicator ranks and targets use: the overall composite, else the last composite, else the first score. */
	String mainIndicator() {
		if (composites.containsKey("OVERALL")) {
			return "OVERALL";
		}
		return composites.isEmpty() ? scores.keySet().iterator().next() : new ArrayList<>(composites.keySet()).get(composites.size() - 1);
	}

	/** The composite's weights on score indicators; a score indicator weighs 1 on itself. */
	Map<String, Double> weightsOf(String indicator) {
		return scores.containsKey(indicator) ? Map.of(indicator, 1.0) : composites.getOrDefault(indicator, Map.of());
	}

	/**
	 * Each respondent of the township's own score on the indicator: the λ-weighted mean of the parts
	 * they answered validly (NaN with none), so that groups of respondents can be compared.
	 */
	double[] respondentScores(String indicator) {
		Map<String, Double> weights = weightsOf(indicator);
		double[] result = new double[township.size()];
		for (int i = 0; i < result.length; i++) {
			double sum = 0;
			double weight = 0;
			for (Map.Entry<String, Double> part : weights.entrySet()) {
				double value = points.get(part.getKey()).get(i);
				if (!Double.isNaN(value)) {
					sum += part.getValue() * value;
					weight += part.getValue();
				}
			}
			result[i] = weight == 0 ? Double.NaN : sum / weight;
		}
		return result;
	}

	/** Gender, age group and community of each respondent, as group labels for diagnosis. */
	Map<String, String[]> groupings() {
		Map<String, String[]> groupings = new LinkedHashMap<>();
		groupings.put("GENDER", gender.toArray(String[]::new));
		groupings.put("AGE_GROUP", age.toArray(String[]::new));
		groupings.put("COMMUNITY", community.stream().map(c -> c == null ? null : String.valueOf(c)).toArray(String[]::new));
		return groupings;
	}

	/** Whether respondent i lives in the township. */
	boolean[] inTownship(long unit) {
		boolean[] in = new boolean[township.size()];
		for (int i = 0; i < in.length; i++) {
			in[i] = township.get(i) == unit;
		}
		return in;
	}

	/** The township's valid answers to a score indicator, and how many of them are below 60 points (negative). */
	int[] validAndNegative(String indicator, long unit) {
		int valid = 0;
		int negative = 0;
		List<Double> values = points.get(indicator);
		for (int i = 0; i < values.size(); i++) {
			if (township.get(i) == unit && !Double.isNaN(values.get(i))) {
				valid++;
				negative += values.get(i) < 60 ? 1 : 0;
			}
		}
		return new int[] { valid, negative };
	}

	/**
	 * Stratified by township, weighted N_h/n_h, with the finite population correction where N_h is
	 * known; then raked to the margins the settings name that the data can carry (every respondent
	 * answered the question and the district has the figures), trimmed to the settings' bounds.
	 * Returns the design and the weighting it used.
	 */
	Designed design(Map<Long, Double> population, Map<String, Double> genderTotals, Map<String, Double> ageTotals,
			ScoringSettings settings) {
		int n = township.size();
		String[] strata = new String[n];
		Map<String, Double> populations = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			strata[i] = String.valueOf(township.get(i));
			Double total = population.get(township.get(i));
			if (total != null) {
				populations.put(strata[i], total);
			}
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String s : strata) {
			counts.merge(s, 1L, Long::sum);
		}
		double[] weights = new double[n];
		for (int i = 0; i < n; i++) {
			Double total = populations.get(strata[i]);
			weights[i] = total == null ? 1 : total / counts.get(strata[i]);
		}
		SurveyDesign design = SurveyDesign.of(strata, null, weights, populations, SurveyDesign.LonelyPsu.CERTAINTY);
		List<Margin> margins = new ArrayList<>();
		List<CalibrationMargin> used = new ArrayList<>();
		if (settings.margins().contains(CalibrationMargin.TOWNSHIP) && populations.size() == counts.size()) {
			margins.add(new Margin("township", strata, populations));
			used.add(CalibrationMargin.TOWNSHIP);
		}
		if (settings.margins().contains(CalibrationMargin.GENDER) && !gender.contains(null) && !genderTotals.isEmpty()) {
			margins.add(new Margin("gender", gender.toArray(String[]::new), genderTotals));
			used.add(CalibrationMargin.GENDER);
		}
		if (settings.margins().contains(CalibrationMargin.AGE_GROUP) && !age.contains(null) && !ageTotals.isEmpty()) {
			margins.add(new Margin("age group", age.toArray(String[]::new), ageTotals));
			used.add(CalibrationMargin.AGE_GROUP);
		}
		if (n == 0 || margins.isEmpty()) {
			return new Designed(design, new Weighting(List.of(), true, 0, null, null, n == 0 ? 1 : design.kishDeff()));
		}
		double meanWeight = Arrays.stream(weights).average().orElse(1);
		double low = settings.trimLow() == null ? 0 : settings.trimLow() * meanWeight;
		double high = settings.trimHigh() == null ? Double.POSITIVE_INFINITY : settings.trimHigh() * meanWeight;
		Calibration.Result raked = Calibration.rake(design, margins, low, high, 1e-10, 100);
		SurveyDesign chosen = raked.converged() ? raked.design() : design;
		return new Designed(chosen, new Weighting(used, raked.converged(), raked.iterations(), settings.trimLow(), settings.trimHigh(),
				chosen.kishDeff()));
	}

	/** The responses with their design, ready to estimate any indicator for the district or a township. */
	final class Designed {

		private final SurveyDesign design;

		private final Weighting weighting;

		/** Points per score indicator, NaN for no valid answer; built once, read for every unit and indicator. */
		private final Map<String, double[]> values = new LinkedHashMap<>();

		private final long[] townshipOf = township.stream().mapToLong(Long::longValue).toArray();

		private final Set<Long> townships = Set.copyOf(township);

		private Designed(SurveyDesign design, Weighting weighting) {
			this.design = design;
			this.weighting = weighting;
			points.forEach((indicator, list) -> values.put(indicator, list.stream().mapToDouble(Double::doubleValue).toArray()));
		}

		Weighting weighting() {
			return weighting;
		}

		boolean isDistrict(long unit) {
			return !townships.contains(unit);
		}

		/** The district-wide difference of two indicators, with the SE of their combined linearisation. */
		Estimate difference(String first, String second) {
			double[] a = values(first);
			double[] b = values(second);
			return Estimator.composite(design, List.of(new Estimator.Part(a, included(a, null), 1),
					new Estimator.Part(b, included(b, null), -1)));
		}

		Estimate estimate(String indicator, Long domain) {
			if (scores.containsKey(indicator)) {
				double[] y = values(indicator);
				return Estimator.mean(design, y, included(y, domain));
			}
			List<Estimator.Part> parts = new ArrayList<>();
			composites.get(indicator).forEach((score, lambda) -> {
				double[] y = values(score);
				parts.add(new Estimator.Part(y, included(y, domain), lambda));
			});
			return Estimator.composite(design, parts);
		}

		/** Unweighted mean over valid answers; for a composite, the weighted sum of those means. */
		Double official(String indicator, Long domain) {
			Map<String, Double> weights = scores.containsKey(indicator) ? Map.of(indicator, 1.0) : composites.get(indicator);
			double total = 0;
			for (Map.Entry<String, Double> part : weights.entrySet()) {
				double[] y = values(part.getKey());
				boolean[] in = included(y, domain);
				double sum = 0;
				int count = 0;
				for (int i = 0; i < y.length; i++) {
					if (in[i]) {
						sum += y[i];
						count++;
					}
				}
				if (count == 0) {
					return null;
				}
				total += part.getValue() * sum / count;
			}
			return total;
		}

		private double[] values(String indicator) {
			return values.get(indicator);
		}

		private boolean[] included(double[] y, Long domain) {
			boolean[] in = new boolean[y.length];
			for (int i = 0; i < y.length; i++) {
				in[i] = !Double.isNaN(y[i]) && (domain == null || townshipOf[i] == domain);
			}
			return in;
		}
	}
}
