package org.minyi.fieldwork;

/**
 * Where a drawn number stands: RESERVE until its replicate is released; PENDING never called;
 * RECALL or APPOINTMENT waiting for its next call time; IN_CALL held by one interviewer; FINAL.
 * Dispatch serves due appointments first, then due recalls, then fresh numbers.
 */
public enum CaseStatus {

	RESERVE, PENDING, RECALL, APPOINTMENT, IN_CALL, FINAL;

	public String messageKey() {
		return "fieldwork.case.status." + name();
	}
}
