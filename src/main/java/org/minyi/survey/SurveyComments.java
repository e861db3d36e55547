package org.minyi.survey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Residents' open-text answers (comments), kept apart from their responses when submitted so that
 * a round's comments are read without reading a million responses. Staff go through them and take
 * some up as citizen requests (outreach records the reference here) or set them aside. Comments of
 * invalidated responses are left out, like their responses. Individual answers: callers restrict
 * this to the district's staff.
 */
@Service
@Transactional
public class SurveyComments {

	public enum CommentStatus {
		/** Not yet read by staff. */
		NEW,
		/** Became a citizen request. */
		TAKEN_UP,
		/** Read; nothing to take up. */
		SET_ASIDE;

		public String messageKey() {
			return "survey.comment.status." + name();
		}
	}

	/** @param townshipId and {@code communityId} where the respondent lives, null when unknown */
	public record Comment(long id, long roundId, String questionCode, Long townshipId, Long communityId, Instant submittedAt, String text,
			CommentStatus status, String reference, String decidedBy, Instant decidedAt) {
	}

	public record CommentCounts(long fresh, long takenUp, long setAside) {
	}

	public record CommentPage(PageResult<Comment> comments, CommentCounts counts) {
	}

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SurveyComments(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** The non-blank answers to the instrument's text questions, by question, in questionnaire order. */
	static Map<String, String> textAnswers(InstrumentDefinition definition, Answers answers) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (Question question : definition.questions()) {
			if (question.type() == QuestionType.TEXT) {
				answers.get(question.id()).stream().map(String::strip).filter(text -> !text.isEmpty()).findFirst()
					.ifPresent(text -> texts.put(question.id(), text));
			}
		}
		return texts;
	}

	/** Leaves the comments of a response found not genuine out of every list (ResponseInvalidations). */
	void invalidate(long responseId) {
		jdbc.sql("update response_comment set invalidated = true where response_id = :id").param("id", responseId).update();
	}

	/** Keeps the comments of a response just stored (in its transaction). */
	void keep(long responseId, long roundId, Long stratumUnitId, Long communityUnitId, Instant submittedAt, Map<String, String> texts) {
		texts.forEach((question, text) -> jdbc.sql("""
				insert into response_comment (response_id, survey_round, question_code, stratum_unit_id, community_unit_id,
				  submitted_at, text, status, invalidated)
				values (:response, :round, :question, :stratum, :community, :at, :text, 'NEW', false)""")
			.param("response", responseId)
			.param("round", roundId)
			.param("question", question)
			.param("stratum", stratumUnitId)
			.param("community", communityUnitId)
			.param("at", SqlTimes.bind(submittedAt))
			.param("text", text)
			.update());
	}

	/**
	 * A page of a round's comments in one state, newest first, optionally of one township, with how
	 * many there are in each state (the page's total is among them).
	 */
	@Transactional(readOnly = true)
	public CommentPage page(long roundId, Long townshipId, CommentStatus status, PageRequest page) {
		MapSqlParameterSource params = new MapSqlParameterSource("round", roundId);
		String where = " where survey_round = :round and invalidated = false";
		if (townshipId != null) {
			where += " and stratum_unit_id = :township";
			params.addValue("township", townshipId);
		}
		Map<CommentStatus, Long> counts = new EnumMap<>(CommentStatus.class);
		jdbc.sql("select status, count(*) from response_comment" + where + " group by status").paramSource(params).query(rs -> {
			counts.put(CommentStatus.valueOf(rs.getString(1)), rs.getLong(2));
		});
		List<Comment> items = jdbc.sql("select * from response_comment" + where + " and status = :status order by id desc limit :limit offset :offset")
			.paramSource(params.addValue("status", status.name()).addValue("limit", page.size()).addValue("offset", page.offset()))
			.query(SurveyComments::comment)
			.list();
		return new CommentPage(new PageResult<>(items, page.page(), page.size(), counts.getOrDefault(status, 0L)),
				new CommentCounts(counts.getOrDefault(CommentStatus.NEW, 0L), counts.getOrDefault(CommentStatus.TAKEN_UP, 0L),
						counts.getOrDefault(CommentStatus.SET_ASIDE, 0L)));
	}

	@Transactional(readOnly = true)
	public Optional<Comment> find(long id) {
		return jdbc.sql("select * from response_comment where id = :id and invalidated = false").param("id", id)
			.query(SurveyComments::comment)
			.optional();
	}

	/**
	 * Records that a new comment became the request with this reference. Refused when someone else
	 * decided on it first, so that in the caller's transaction the request is not made twice.
	 */
	public void takeUp(long id, String reference) {
		decide(id, CommentStatus.NEW, CommentStatus.TAKEN_UP, reference, "survey.comment.takeUp");
	}

	public void setAside(long id) {
		decide(id, CommentStatus.NEW, CommentStatus.SET_ASIDE, null, "survey.comment.setAside");
	}

	/** Undoes a setting aside made by mistake. */
	public void restore(long id) {
		decide(id, CommentStatus.SET_ASIDE, CommentStatus.NEW, null, "survey.comment.restore");
	}

	private void decide(long id, CommentStatus from, CommentStatus to, String reference, String auditAction) {
		boolean fresh = to == CommentStatus.NEW;
		int updated = jdbc.sql("""
				update response_comment set status = :to, reference = :reference, decided_by = :by, decided_at = :at
				where id = :id and status = :from and invalidated = false""")
			.param("to", to.name())
			.param("reference", reference)
			.param("by", fresh ? null : CurrentUser.get().map(CurrentUser::username).orElse(null))
			.param("at", fresh ? null : SqlTimes.bind(clock.instant()))
			.param("id", id)
			.param("from", from.name())
			.update();
		if (updated != 1) {
			throw BusinessRuleException.of("survey.comment.error.decided");
		}
		events.publishEvent(AuditEvent.of(auditAction, "response_comment", id,
				from + " -> " + to + (reference == null ? "" : ", request=" + reference)));
	}

	private static Comment comment(ResultSet rs, int row) throws SQLException {
		return new Comment(rs.getLong("id"), rs.getLong("survey_round"), rs.getString("question_code"), rs.getObject("stratum_unit_id", Long.class),
				rs.getObject("community_unit_id", Long.class), SqlTimes.instant(rs, "submitted_at"), rs.getString("text"),
				CommentStatus.valueOf(rs.getString("status")), rs.getString("reference"), rs.getString("decided_by"),
				SqlTimes.instant(rs, "decided_at"));
	}
}
