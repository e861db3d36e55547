package org.minyi.survey;

import java.util.List;

/** Answers that do not fit the instrument; nothing was stored. */
public class InvalidAnswersException extends RuntimeException {

	private final List<AnswerProblem> problems;

	public InvalidAnswersException(List<AnswerProblem> problems) {
		super("invalid answers: " + problems);
		this.problems = List.copyOf(problems);
	}

	public List<AnswerProblem> problems() {
		return problems;
	}
}
