package org.minyi.survey;

/**
 * OFFICIAL rounds hold the province's published results and are not fielded; MOCK rounds are
 * the district's own telephone/web surveys; PULSE rounds are quick web polls.
 */
public enum RoundKind {

	OFFICIAL, MOCK, PULSE;

	public boolean isFielded() {
		return this != OFFICIAL;
	}

	public String messageKey() {
		return "round.kind." + name();
	}
}
