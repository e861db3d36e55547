package org.minyi.survey;

/** How a respondent reached the questionnaire; open-link responses carry lower integrity. */
public enum Channel {

	INVITATION, OPEN_LINK;

	public String messageKey() {
		return "response.channel." + name();
	}
}
