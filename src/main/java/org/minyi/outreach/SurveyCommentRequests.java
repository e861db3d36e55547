package org.minyi.outreach;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.CitizenRequests.NewRequest;
import org.minyi.outreach.CitizenRequests.RequestView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.survey.SurveyComments;
import org.minyi.survey.SurveyComments.Comment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Survey comments taken up as citizen requests by the district's staff. The respondent left no
 * contact (the survey keeps none), so such a request is anonymous and closes on its answer. The
 * comment is marked taken up in the same transaction as the request is made: when someone else
 * decided on it first, nothing is made, so one comment never becomes two requests.
 */
@Service
@Transactional
public class SurveyCommentRequests {

	/** Characters of the comment used as the title when staff give none. */
	static final int TITLE_LENGTH = 30;

	private final CitizenRequests requests;

	private final SurveyComments comments;

	private final UnitManagement units;

	SurveyCommentRequests(CitizenRequests requests, SurveyComments comments, UnitManagement units) {
		this.requests = requests;
		this.comments = comments;
		this.units = units;
	}

	/** Makes a request of the comment, assigned to the unit if one is given (else the district triages it later). */
	public RequestView takeUp(long commentId, RequestCategory category, String title, Long unitId, DataScope scope) {
		if (!scope.districtWide()) {
			throw BusinessRuleException.of("outreach.request.error.role");
		}
		Comment comment = comments.find(commentId).orElseThrow(() -> new RecordNotFoundException("response_comment", commentId));
		if (comment.status() != SurveyComments.CommentStatus.NEW) {
			throw BusinessRuleException.of("survey.comment.error.decided");
		}
		String given = title == null || title.isBlank() ? titleOf(comment.text()) : title;
		RequestView request = requests.receive(new NewRequest(RequestSource.SURVEY, category, given, comment.text(), where(comment), null,
				null, unitId), scope);
		// the comment first: of two staff at once, the second waits here and is refused before the link's unique key
		comments.takeUp(commentId, request.reference());
		requests.linkToSurveyComment(request.id(), commentId);
		return request;
	}

	/** The start of the comment's first line. */
	static String titleOf(String text) {
		String line = text.strip().lines().findFirst().orElse("").strip();
		return line.codePointCount(0, line.length()) <= TITLE_LENGTH ? line
				: line.substring(0, line.offsetByCodePoints(0, TITLE_LENGTH)) + "...";
	}

	/** Where the respondent lives, as far as the answers say. */
	private String where(Comment comment) {
		Long unit = comment.communityId() != null ? comment.communityId() : comment.townshipId();
		return unit == null ? null : units.findById(unit).map(UnitView::name).orElse(null);
	}
}
