package org.minyi.fieldwork;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.personal.PersonalData;
import org.minyi.platform.security.CurrentUser;
import org.minyi.survey.Channel;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.ResponseInvalidations;
import org.minyi.survey.ResponseReader;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quality control of completed telephone interviews (ADR 0010): flags interviews shorter than the
 * configured minimum or straight-lined, compares each interviewer's answers with the others',
 * draws a verification sample for call-backs and records what they found, and invalidates a
 * fabricated interview — its response leaves scoring, its quota place is given back and its
 * number returns to the queue to be interviewed for real.
 */
@Service
@Transactional
public class QualityControl {

	public enum VerificationOutcome {

		/** The respondent confirms the interview. */
		CONFIRMED,
		/** The respondent says nobody interviewed them: suspected fabrication. */
		NOT_CONFIRMED,
		/** Interviewed, but what they tell differs from what was recorded (gender, age group, length). */
		DISCREPANCY,
		/** Nobody could be reached for the call-back. */
		UNREACHABLE;

		public String messageKey() {
			return "fieldwork.qc.outcome." + name();
		}
	}

	/** A completed interview and what quality control knows of it. */
	public record Interview(long attemptId, long caseId, long townshipId, String interviewer, Instant endedAt, Integer seconds,
			Gender gender, AgeGroup ageGroup, boolean tooShort, boolean straightLined, Verification verification,
			Instant invalidatedAt, String invalidationReason) {

		public boolean flagged() {
			return tooShort || straightLined;
		}

		public boolean invalidated() {
			return invalidatedAt != null;
		}

		public boolean needsAttention() {
			return flagged() || verification != null || invalidated();
		}
	}

	/** @param flagged whether the interview was added for its flags rather than drawn at random */
	public record Verification(boolean flagged, Instant drawnAt, VerificationOutcome outcome, String note, String checkedBy,
			Instant checkedAt) {
	}

	/** An interviewer's interviews against everybody else's (valid interviews only). */
	public record InterviewerCheck(String interviewer, int interviews, double meanScore, double othersMeanScore, Double pValue,
			boolean outlier, long tooShort, long straightLined, long notConfirmed, long invalidated) {
	}

	/** @param alpha family-wide level at which interviewers are flagged */
	public record Review(List<Interview> interviews, List<InterviewerCheck> interviewers, double alpha, long minInterviewMinutes) {

		public long flagged() {
			return interviews.stream().filter(i -> i.flagged() && !i.invalidated()).count();
		}

		public long inVerification() {
			return interviews.stream().filter(i -> i.verification() != null).count();
		}

		public long verified() {
			return interviews.stream().filter(i -> i.verification() != null && i.verification().outcome() != null).count();
		}

		public long invalidated() {
			return interviews.stream().filter(Interview::invalidated).count();
		}
	}

	private static final String COMPLETES = """
			select a.id, a.case_id, c.township_id, a.interviewer, a.ended_at, a.interview_seconds, a.response_id,
			  a.screened_gender, a.screened_age_group, a.invalidated_at, a.invalidation_reason,
			  v.attempt_id as drawn, v.flagged, v.drawn_at, v.outcome, v.note, v.checked_by, v.checked_at
			from call_attempt a join call_case c on c.id = a.case_id left join verification v on v.attempt_id = a.id
			where c.survey_round = :round and a.disposition = 'COMPLETE'""";

	private final JdbcClient jdbc;

	private final RoundManagement rounds;

	private final InstrumentCatalog instruments;

	private final ResponseReader responses;

	private final ResponseInvalidations invalidations;

	private final Quotas quotas;

	private final PersonalData personalData;

	private final FieldworkProperties.QualityRules rules;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	QualityControl(JdbcClient jdbc, RoundManagement rounds, InstrumentCatalog instruments, ResponseReader responses,
			ResponseInvalidations invalidations, Quotas quotas, PersonalData personalData, FieldworkProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.instruments = instruments;
		this.responses = responses;
		this.invalidations = invalidations;
		this.quotas = quotas;
		this.personalData = personalData;
		this.rules = properties.qc();
		this.events = events;
		this.clock = clock;
	}

	/** Every completed interview of the round with its flags, and the interviewer comparison. */
	@Transactional(readOnly = true)
	public Review review(long roundId) {
		RoundView round = round(roundId);
		AnswerPatterns patterns = new AnswerPatterns(instruments.find(round.instrumentVersionId()).orElseThrow().definition(),
				rules.straightLineItems());
		Map<Long, Double> scores = new HashMap<>();
		Map<Long, Boolean> straightLined = new HashMap<>();
		responses.forEach(roundId, Channel.INTERVIEW, response -> {
			patterns.score(response.answers()).ifPresent(score -> scores.put(response.id(), score));
			straightLined.put(response.id(), patterns.straightLined(response.answers()));
		});
		Map<Long, Long> responseOf = new HashMap<>();
		List<Interview> interviews = jdbc.sql(COMPLETES + " order by a.id")
			.param("round", roundId)
			.query((rs, n) -> {
				Long responseId = rs.getObject("response_id", Long.class);
				long attemptId = rs.getLong("id");
				if (responseId != null) {
					responseOf.put(attemptId, responseId);
				}
				return interview(rs, Boolean.TRUE.equals(straightLined.get(responseId)));
			})
			.list();
		return new Review(interviews, compareInterviewers(interviews, responseOf, scores), rules.outlierAlpha(),
				rules.minInterviewDuration().toMinutes());
	}

	private List<InterviewerCheck> compareInterviewers(List<Interview> interviews, Map<Long, Long> responseOf,
			Map<Long, Double> scores) {
		Map<String, List<Double>> byInterviewer = new TreeMap<>();
		for (Interview interview : interviews) {
			List<Double> own = byInterviewer.computeIfAbsent(interview.interviewer(), k -> new ArrayList<>());
			Double score = scores.get(responseOf.get(interview.attemptId()));
			if (!interview.invalidated() && score != null) {
				own.add(score);
			}
		}
		Map<String, double[]> samples = new TreeMap<>();
		byInterviewer.forEach((interviewer, list) -> samples.put(interviewer, list.stream().mapToDouble(Double::doubleValue).toArray()));
		List<InterviewerCheck> checks = new ArrayList<>();
		for (InterviewerComparison.Result result : InterviewerComparison.compare(samples, rules.outlierAlpha(),
				rules.outlierMinInterviews())) {
			List<Interview> own = interviews.stream().filter(i -> i.interviewer().equals(result.interviewer())).toList();
			checks.add(new InterviewerCheck(result.interviewer(), result.interviews(), result.mean(), result.othersMean(),
					result.pValue(), result.outlier(), own.stream().filter(i -> i.tooShort() && !i.invalidated()).count(),
					own.stream().filter(i -> i.straightLined() && !i.invalidated()).count(),
					own.stream().filter(i -> i.verification() != null && i.verification().outcome() == VerificationOutcome.NOT_CONFIRMED).count(),
					own.stream().filter(Interview::invalidated).count()));
		}
		return checks;
	}

	/**
	 * Draws the configured share of the valid completes not yet in the verification sample, at random
	 * (unpredictable to interviewers). Returns how many were drawn.
	 */
	public int drawVerification(long roundId) {
		round(roundId);
		List<Long> candidates = new ArrayList<>(jdbc.sql(COMPLETES + " and a.invalidated_at is null and v.attempt_id is null order by a.id")
			.param("round", roundId)
			.query((rs, n) -> rs.getLong("id"))
			.list());
		int size = (int) Math.ceil(candidates.size() * rules.verificationRate());
		if (size == 0) {
			throw BusinessRuleException.of("fieldwork.qc.error.nothingToDraw");
		}
		Collections.shuffle(candidates, new SecureRandom());
		candidates.subList(0, size).forEach(attemptId -> addToSample(roundId, attemptId, false));
		events.publishEvent(AuditEvent.of("fieldwork.verification.draw", "survey_round", roundId, "drawn=" + size));
		return size;
	}

	/** Adds a flagged interview to the verification sample. */
	public void addToVerification(long roundId, long attemptId) {
		Interview interview = interview(roundId, attemptId);
		if (interview.invalidated() || interview.verification() != null) {
			throw BusinessRuleException.of("fieldwork.qc.error.inSample");
		}
		addToSample(roundId, attemptId, true);
		events.publishEvent(AuditEvent.of("fieldwork.verification.add", "call_attempt", attemptId, "round=" + roundId));
	}

	private void addToSample(long roundId, long attemptId, boolean flagged) {
		jdbc.sql("""
				insert into verification (attempt_id, survey_round, flagged, drawn_at, drawn_by)
				values (:attempt, :round, :flagged, :at, :by) on conflict do nothing""")
			.param("attempt", attemptId)
			.param("round", roundId)
			.param("flagged", flagged)
			.param("at", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.update();
	}

	/** One interview of the round; anything else (another round's, not a complete) is "not found". */
	@Transactional(readOnly = true)
	public Interview interview(long roundId, long attemptId) {
		return jdbc.sql(COMPLETES + " and a.id = :attempt")
			.param("round", roundId)
			.param("attempt", attemptId)
			.query((rs, n) -> interview(rs, false))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("call_attempt", attemptId));
	}

	/** The number to call back, for an interview in the verification sample only; audited. Empty once the frame is purged. */
	public Optional<String> verificationNumber(long roundId, long attemptId) {
		Interview interview = inSample(roundId, attemptId);
		return jdbc.sql("select n.phone_sealed from call_case c join frame_number n on n.id = c.frame_number_id where c.id = :id")
			.param("id", interview.caseId())
			.query(String.class)
			.optional()
			.map(sealed -> personalData.reveal(sealed, "call_attempt", attemptId, "verification"));
	}

	/** Records what the verification call-back found. */
	public void recordVerification(long roundId, long attemptId, VerificationOutcome outcome, String note) {
		inSample(roundId, attemptId);
		if (outcome == null) {
			throw new BusinessRuleException("outcome", "fieldwork.qc.error.outcome");
		}
		String given = note == null || note.isBlank() ? null : note.strip();
		if (given != null && given.length() > 500) {
			throw new BusinessRuleException("note", "fieldwork.call.error.note");
		}
		jdbc.sql("update verification set outcome = :outcome, note = :note, checked_at = :at, checked_by = :by where attempt_id = :id")
			.param("outcome", outcome.name())
			.param("note", given)
			.param("at", SqlTimes.bind(clock.instant()))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.param("id", attemptId)
			.update();
		events.publishEvent(AuditEvent.of("fieldwork.verification.record", "call_attempt", attemptId, "outcome=" + outcome));
	}

	/**
	 * Invalidates a completed interview that was not genuine: the survey takes its response out of
	 * scoring (audited there with the reason), the quota place it filled is given back, and the
	 * number goes back to the queue as a due recall — the resident was never really interviewed.
	 * Only while the round is fielding or closed (not once its results are published).
	 */
	public void invalidate(long roundId, long attemptId, String reason) {
		RoundView round = round(roundId);
		if (round.status() != RoundStatus.FIELDING && round.status() != RoundStatus.CLOSED) {
			throw BusinessRuleException.of("fieldwork.qc.error.roundStatus");
		}
		Interview interview = interview(roundId, attemptId);
		Long responseId = jdbc.sql("select response_id from call_attempt where id = :id").param("id", attemptId)
			.query((rs, n) -> rs.getObject(1, Long.class))
			.single();
		if (interview.invalidated() || responseId == null) {
			throw BusinessRuleException.of("fieldwork.qc.error.invalidated");
		}
		invalidations.invalidate(responseId, reason);
		Instant now = clock.instant();
		jdbc.sql("""
				update call_attempt set invalidated_at = :at, invalidated_by = :by, invalidation_reason = :reason
				where id = :id and invalidated_at is null""")
			.param("at", SqlTimes.bind(now))
			.param("by", CurrentUser.get().map(CurrentUser::username).orElse(null))
			.param("reason", reason.strip())
			.param("id", attemptId)
			.update();
		if (interview.gender() != null) {
			quotas.withdrawComplete(roundId, interview.townshipId(), interview.gender().name(), interview.ageGroup().name());
		}
		String before = jdbc.sql("select disposition from call_attempt where case_id = :case and id < :id order by id desc limit 1")
			.param("case", interview.caseId())
			.param("id", attemptId)
			.query(String.class)
			.optional()
			.orElse(null);
		jdbc.sql("""
				update call_case set status = 'RECALL', next_call_at = :now, last_disposition = :before, finished_at = null
				where id = :id and status = 'FINAL' and last_disposition = 'COMPLETE'""")
			.param("now", SqlTimes.bind(now))
			.param("before", before)
			.param("id", interview.caseId())
			.update();
	}

	private Interview inSample(long roundId, long attemptId) {
		Interview interview = interview(roundId, attemptId);
		if (interview.verification() == null) {
			throw new RecordNotFoundException("verification", attemptId);
		}
		return interview;
	}

	private RoundView round(long roundId) {
		return rounds.find(roundId).orElseThrow(() -> new RecordNotFoundException("round", roundId));
	}

	private Interview interview(ResultSet rs, boolean straightLined) throws SQLException {
		Integer seconds = rs.getObject("interview_seconds", Integer.class);
		String gender = rs.getString("screened_gender");
		String age = rs.getString("screened_age_group");
		String outcome = rs.getString("outcome");
		Verification verification = rs.getObject("drawn") == null ? null
				: new Verification(rs.getBoolean("flagged"), SqlTimes.instant(rs, "drawn_at"),
						outcome == null ? null : VerificationOutcome.valueOf(outcome), rs.getString("note"), rs.getString("checked_by"),
						SqlTimes.instant(rs, "checked_at"));
		return new Interview(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("township_id"), rs.getString("interviewer"),
				SqlTimes.instant(rs, "ended_at"), seconds, gender == null ? null : Gender.valueOf(gender),
				age == null ? null : AgeGroup.valueOf(age), seconds != null && seconds < rules.minInterviewDuration().toSeconds(),
				straightLined, verification, SqlTimes.instant(rs, "invalidated_at"), rs.getString("invalidation_reason"));
	}
}
