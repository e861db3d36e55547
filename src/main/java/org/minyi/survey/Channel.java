package org.minyi.survey;

/**
 * How a respondent reached the questionnaire; open-link responses carry lower integrity. INTERVIEW is
 * an interviewer asking on the telephone (CATI), whose case in fieldwork makes the response single.
 */
public enum Channel {

	INVITATION, OPEN_LINK, INTERVIEW;

	/** The mode a response through this channel is collected in. */
	public Mode mode() {
		return this == INTERVIEW ? Mode.CATI : Mode.WEB;
	}

	public String messageKey() {
		return "response.channel." + name();
	}
}
