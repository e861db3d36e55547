package org.minyi.survey;

import java.util.List;
import java.util.Optional;

/**
 * A question of an instrument.
 *
 * @param indicator indicator code this question feeds (e.g. {@code SECURITY}); null for questions
 *                  used only for screening, weighting or diagnosis
 * @param showWhen  null when always shown
 */
public record Question(String id, QuestionType type, String text, List<AnswerOption> options, String indicator,
		boolean required, Condition showWhen) {

	public Question {
		options = options == null ? List.of() : List.copyOf(options);
	}

	public Optional<AnswerOption> option(String code) {
		return options.stream().filter(o -> o.code().equals(code)).findFirst();
	}

	public boolean isShown(Answers answers) {
		return showWhen == null || showWhen.holds(answers);
	}

	/** Whether the question scores an indicator: it names one and its options carry points. */
	public boolean isScored() {
		return indicator != null && options.stream().anyMatch(o -> o.points() != null);
	}
}
