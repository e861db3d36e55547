package org.minyi.workplan;

/** What a task of an item must be submitted with: a meeting record, a document, or either. */
public enum ExpectedEvidence {

	MEETING, DOCUMENT, ANY;

	public String messageKey() {
		return "workplan.evidence." + name();
	}
}
