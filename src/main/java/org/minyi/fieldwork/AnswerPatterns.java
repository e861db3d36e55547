package org.minyi.fieldwork;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.minyi.survey.AnswerOption;
import org.minyi.survey.Answers;
import org.minyi.survey.InstrumentDefinition;
import org.minyi.survey.Question;
import org.minyi.survey.QuestionType;

/**
 * What quality control reads in one interview's answers: its mean score over the scored questions
 * (to compare interviewers) and whether a run of questions on one scale was all answered alike
 * (straight-lining, a sign of an interview not really put to the respondent).
 */
final class AnswerPatterns {

	private final InstrumentDefinition definition;

	private final int straightLineItems;

	AnswerPatterns(InstrumentDefinition definition, int straightLineItems) {
		this.definition = definition;
		this.straightLineItems = straightLineItems;
	}

	/** Mean points of the valid answers to scored single-choice questions; empty when there are none. */
	OptionalDouble score(Answers answers) {
		return definition.questions().stream()
			.filter(q -> q.type() == QuestionType.SINGLE && q.isScored() && answers.has(q.id()))
			.map(q -> q.option(answers.get(q.id()).get(0)).orElse(null))
			.filter(o -> o != null && o.valid() && o.points() != null)
			.mapToInt(AnswerOption::points)
			.average();
	}

	/**
	 * Whether at least {@code straightLineItems} valid answers to scored questions sharing one scale
	 * (the same options) are all the same option.
	 */
	boolean straightLined(Answers answers) {
		Map<List<String>, Map<String, Integer>> choicesByScale = new HashMap<>();
		for (Question question : definition.questions()) {
			if (question.type() != QuestionType.SINGLE || !question.isScored() || !answers.has(question.id())) {
				continue;
			}
			String code = answers.get(question.id()).get(0);
			if (question.option(code).filter(AnswerOption::valid).isPresent()) {
				List<String> scale = question.options().stream().map(AnswerOption::code).toList();
				choicesByScale.computeIfAbsent(scale, s -> new HashMap<>()).merge(code, 1, Integer::sum);
			}
		}
		return choicesByScale.values().stream()
			.anyMatch(choices -> choices.size() == 1 && choices.values().iterator().next() >= straightLineItems);
	}
}
