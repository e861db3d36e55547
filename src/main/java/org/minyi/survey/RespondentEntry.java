package org.minyi.survey;

/**
 * A respondent's way into a round's questionnaire: an invitation, or a device on the open link.
 *
 * @param draftKey    hash under which partial answers are kept (of the token, or keyed of the device)
 * @param townshipId  township the invitation was issued for; null on the open link
 * @param communityId community the invitation was issued for, if any
 */
public record RespondentEntry(long roundId, Channel channel, Long invitationId, String draftKey, Long townshipId,
		Long communityId) {

	/**
	 * A telephone interview. {@code interviewKey} identifies the interview (not the number) and keeps
	 * its partial answers; the caller makes sure one interview is submitted once.
	 */
	public static RespondentEntry interview(long roundId, String interviewKey, long townshipId) {
		return new RespondentEntry(roundId, Channel.INTERVIEW, null, interviewKey, townshipId, null);
	}
}
