package org.minyi.survey;

/** A stored response: its id (for fieldwork quality control only, never shown to units) and outcome. */
public record Submission(long responseId, ResponseOutcome outcome) {

	public boolean complete() {
		return outcome == ResponseOutcome.COMPLETE;
	}
}
