package org.minyi.survey;

import java.util.List;
import java.util.Map;

import org.minyi.survey.invitation.InvitationBatch;
import org.minyi.survey.invitation.Invitations;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Responses submitted the way residents submit them, for tests that need some of their own. */
public final class TestResponses {

	private TestResponses() {
	}

	/** Submits the answers on the web with a fresh invitation for the unit; returns the response's id. */
	public static long submitOnTheWeb(Invitations invitations, ResponseIntake intake, long roundId, long unitId,
			Map<String, List<String>> answers) {
		InvitationBatch batch = invitations.generate(roundId, unitId, 1);
		return intake.submit(intake.byToken(invitations.tokens(batch.id()).get(0).token()), Answers.of(answers), Mode.WEB, null).responseId();
	}

	/** The id of the comment kept from the response (it must have exactly one). */
	public static long commentOf(JdbcClient jdbc, long responseId) {
		return jdbc.sql("select id from response_comment where response_id = :id").param("id", responseId).query(Long.class).single();
	}
}
