package org.minyi.outreach;

/** What the resident said on the follow-up call. */
public enum Satisfaction {

	SATISFIED, BASICALLY_SATISFIED, DISSATISFIED;

	/** Satisfied or basically satisfied: the request is closed; otherwise it is reopened. */
	public boolean content() {
		return this != DISSATISFIED;
	}

	public String messageKey() {
		return "outreach.satisfaction." + name();
	}
}
