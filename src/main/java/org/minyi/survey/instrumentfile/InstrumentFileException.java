package org.minyi.survey.instrumentfile;

import java.util.List;

/** An instrument file that cannot be used; lists every problem found. */
public class InstrumentFileException extends Exception {

	private final List<InstrumentProblem> problems;

	public InstrumentFileException(List<InstrumentProblem> problems) {
		super(problems.toString());
		this.problems = List.copyOf(problems);
	}

	public List<InstrumentProblem> problems() {
		return problems;
	}
}
