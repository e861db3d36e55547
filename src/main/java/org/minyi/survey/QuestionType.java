package org.minyi.survey;

/** How a question is answered. The residence types take their options from the unit tree. */
public enum QuestionType {

	SINGLE, MULTIPLE, TEXT, TOWNSHIP, COMMUNITY;

	/** Whether the instrument file lists the options itself. */
	public boolean hasFixedOptions() {
		return this == SINGLE || this == MULTIPLE;
	}
}
