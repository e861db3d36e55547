package org.minyi.survey;

import java.time.Clock;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a response that is not genuine (a fabricated interview found by quality control) out of
 * scoring and counts. The stored response is not changed (ADR 0005); the invalidation is recorded
 * beside it with its reason, and audited.
 */
@Service
@Transactional
public class ResponseInvalidations {

	static final int MAX_REASON = 500;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final SurveyComments comments;

	private final Clock clock;

	ResponseInvalidations(JdbcClient jdbc, ApplicationEventPublisher events, SurveyComments comments, Clock clock) {
		this.jdbc = jdbc;
		this.comments = comments;
		this.events = events;
		this.clock = clock;
	}

	/** Refused for a blank or over-long reason, and for a response already invalidated. */
	public void invalidate(long responseId, String reason) {
		String given = reason == null ? "" : reason.strip();
		if (given.isEmpty() || given.length() > MAX_REASON) {
			throw new BusinessRuleException("reason", "response.invalidate.error.reason", MAX_REASON);
		}
		long roundId = jdbc.sql("select survey_round from survey_response where id = :id")
			.param("id", responseId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("response", responseId));
		int inserted = jdbc.sql("""
				insert into response_invalidation (response_id, reason, invalidated_at, invalidated_by)
				values (:id, :reason, :at, :by) on conflict do nothing""")
			.param("id", responseId)
			.param("reason", given)
			.param("at", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update();
		if (inserted == 0) {
			throw BusinessRuleException.of("response.invalidate.error.already");
		}
		comments.invalidate(responseId);
		events.publishEvent(AuditEvent.of("response.invalidate", "response", responseId, "round=" + roundId + ", reason=" + given));
	}
}
