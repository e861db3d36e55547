package org.minyi.fieldwork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.Database;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.personal.PersonalData;
import org.minyi.survey.InstrumentDefinition;
import org.minyi.survey.Mode;
import org.minyi.survey.PageStep;
import org.minyi.survey.Questionnaire;
import org.minyi.survey.RespondentEntry;
import org.minyi.survey.ResponseIntake;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The interviewer's side of CATI. "Next call" claims one due case with {@code SELECT … FOR UPDATE
 * SKIP LOCKED} on PostgreSQL, one claim at a time on embedded H2 (ADR 0009): two interviewers — on
 * one node or several on one database — never hold the same number. Only the interviewer holding a case
 * sees its number (each reveal audited), screens the respondent against the quotas, interviews with
 * the survey's questionnaire engine, and records how the attempt ended. Completing closes the case in
 * the transaction that stores the response, so a double submit cannot count twice; the response
 * keeps no reference to the case or the number (the attempt keeps the response's id for quality
 * control, ADR 0010).
 */
@Service
@Transactional
public class CatiCalls {

	public record CallView(long caseId, long roundId, String roundName, long townshipId, int replicate, int attempts,
			Disposition lastDisposition, String phoneMasked, String frameGender, String frameAgeGroup, Gender screenedGender,
			AgeGroup screenedAgeGroup, boolean quotaReserved, String interviewer, Instant heldSince, Instant interviewStarted,
			List<AttemptView> history) {

		public boolean screened() {
			return screenedGender != null;
		}
	}

	public record AttemptView(String interviewer, Instant startedAt, Disposition disposition, String note) {
	}

	private static final String HELD = """
			select c.*, n.phone_masked, n.gender as frame_gender, n.age_group as frame_age_group
			from call_case c left join frame_number n on n.id = c.frame_number_id
			where c.id = :id and c.status = 'IN_CALL' and c.interviewer = :interviewer""";

	private final JdbcClient jdbc;

	private final RoundManagement rounds;

	private final ResponseIntake intake;

	private final Quotas quotas;

	private final DoNotCall doNotCall;

	private final PersonalData personalData;

	private final FieldworkProperties properties;

	private final Clock clock;

	private final InterviewerAssignments assignments;

	private final TransactionTemplate transactions;

	private final Database database;

	private final Lock embeddedClaims = new ReentrantLock();

	CatiCalls(JdbcClient jdbc, RoundManagement rounds, ResponseIntake intake, Quotas quotas, DoNotCall doNotCall,
			PersonalData personalData, FieldworkProperties properties, Clock clock, InterviewerAssignments assignments,
			PlatformTransactionManager transactionManager, Database database) {
		this.assignments = assignments;
		this.transactions = new TransactionTemplate(transactionManager);
		this.database = database;
		this.jdbc = jdbc;
		this.rounds = rounds;
		this.intake = intake;
		this.quotas = quotas;
		this.doNotCall = doNotCall;
		this.personalData = personalData;
		this.properties = properties;
		this.clock = clock;
	}

	/** Fielding rounds with telephone interviewing: the rounds an interviewer can call for. */
	@Transactional(readOnly = true)
	public List<RoundView> callableRounds() {
		return rounds.list().stream().filter(CatiCalls::callable).toList();
	}

	private static boolean callable(RoundView round) {
		return round.status() == RoundStatus.FIELDING && round.modes().contains(Mode.CATI);
	}

	/**
	 * Gives the interviewer a case of the round: the one they already hold, else a due appointment,
	 * else a due recall, else a fresh number. Empty when nothing is due.
	 * <p>
	 * On PostgreSQL concurrent calls run in parallel (SKIP LOCKED). H2 may report no row at all
	 * while another transaction's SKIP LOCKED query holds its locks, which would tell interviewers
	 * "nothing due" too early; an embedded H2 database serves one application node only, so there the
	 * claims are taken one at a time, each committed before the next starts.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public Optional<Long> next(long roundId, String interviewer) {
		if (rounds.find(roundId).filter(CatiCalls::callable).isEmpty()) {
			throw BusinessRuleException.of("fieldwork.call.error.round");
		}
		// in a transaction of its own: outside one, the connection would stay bound to this thread while it waits below
		Optional<Long> held = transactions.execute(tx -> jdbc.sql("""
				select id from call_case where survey_round = :round and status = 'IN_CALL' and interviewer = :who""")
			.param("round", roundId)
			.param("who", interviewer)
			.query(Long.class)
			.optional());
		if (held.isPresent()) {
			return held;
		}
		Collection<Long> townships = assignments.townships(roundId, interviewer);
		if (!database.embedded()) {
			return transactions.execute(tx -> claim(roundId, interviewer, townships));
		}
		embeddedClaims.lock();
		try {
			return transactions.execute(tx -> claim(roundId, interviewer, townships));
		}
		finally {
			embeddedClaims.unlock();
		}
	}

	/** Claims the first due case of the townships (all when empty) in one short transaction. */
	private Optional<Long> claim(long roundId, String interviewer, Collection<Long> townships) {
		Instant now = clock.instant();
		Optional<Long> claimed = due(roundId, "APPOINTMENT", townships, now).or(() -> due(roundId, "RECALL", townships, now))
			.or(() -> due(roundId, "PENDING", townships, now));
		claimed.ifPresent(id -> jdbc.sql("update call_case set status = 'IN_CALL', interviewer = :who, locked_at = :now where id = :id")
			.param("who", interviewer)
			.param("now", SqlTimes.bind(now))
			.param("id", id)
			.update());
		return claimed;
	}

	/**
	 * The first due case of a status, locked for this transaction; cases other transactions hold are
	 * skipped. Fresh numbers go replicate by replicate, so every township's fieldwork moves evenly.
	 */
	private Optional<Long> due(long roundId, String status, Collection<Long> townships, Instant now) {
		String order = "PENDING".equals(status) ? " order by replicate, id" : " and next_call_at <= :now order by next_call_at, id";
		String assigned = townships.isEmpty() ? "" : " and township_id in (:townships)";
		// embedded: claims are taken one at a time already, and H2 plans a locking read less well
		String lock = database.embedded() ? "" : " for update skip locked";
		return jdbc.sql("select id from call_case where survey_round = :round and status = :status" + assigned + order + " limit 1"
				+ lock)
			.param("round", roundId)
			.param("status", status)
			.param("townships", townships)
			.param("now", SqlTimes.bind(now))
			.query(Long.class)
			.optional();
	}

	/** The case the interviewer holds; any other case is "not found" to them. */
	@Transactional(readOnly = true)
	public CallView held(long caseId, String interviewer) {
		return held(caseId, interviewer, true);
	}

	/** @param forScreen with the round's name and the attempt history, which only the call screen shows */
	private CallView held(long caseId, String interviewer, boolean forScreen) {
		return jdbc.sql(HELD)
			.param("id", caseId)
			.param("interviewer", interviewer)
			.query((rs, n) -> call(rs, forScreen))
			.optional()
			.orElseThrow(() -> new RecordNotFoundException("call_case", caseId));
	}

	/** The number to dial, revealed to the interviewer on this call only, and audited. Empty once the frame is purged. */
	public Optional<String> number(long caseId, String interviewer) {
		held(caseId, interviewer, false);
		return jdbc.sql("select n.phone_sealed from call_case c join frame_number n on n.id = c.frame_number_id where c.id = :id")
			.param("id", caseId)
			.query(String.class)
			.optional()
			.map(sealed -> personalData.reveal(sealed, "call_case", caseId, "call"));
	}

	/**
	 * Screens the respondent: the quota of their township, gender and age group decides whether the
	 * interview goes on. A full hard quota closes the case as "quota full" (the interviewer thanks
	 * the respondent and ends the call).
	 */
	public Quotas.Admission screen(long caseId, String interviewer, Gender gender, AgeGroup ageGroup) {
		CallView call = held(caseId, interviewer, false);
		// screening once: a double click waits here for the first and then finds the case screened
		int screening = jdbc.sql("""
				update call_case set screened_gender = :gender, screened_age_group = :age, interview_started = :now
				where id = :id and status = 'IN_CALL' and interviewer = :interviewer and screened_gender is null""")
			.param("gender", gender.name())
			.param("age", ageGroup.name())
			.param("now", SqlTimes.bind(clock.instant()))
			.param("id", caseId)
			.param("interviewer", interviewer)
			.update();
		if (screening != 1) {
			throw BusinessRuleException.of("fieldwork.call.error.screened");
		}
		Quotas.Admission admission = quotas.reserve(call.roundId(), call.townshipId(), gender, ageGroup);
		if (admission == Quotas.Admission.FULL) {
			close(call, Disposition.QUOTA_FULL, null, null, null);
			return admission;
		}
		jdbc.sql("update call_case set quota_reserved = :reserved where id = :id")
			.param("reserved", admission != Quotas.Admission.NO_QUOTA)
			.param("id", caseId)
			.update();
		intake.begin(entry(call), screeningAnswers(intake.open(entry(call)).definition(), gender, ageGroup));
		return admission;
	}

	/** The interview of a screened case, where it stands. */
	@Transactional(readOnly = true)
	public Questionnaire interview(long caseId, String interviewer) {
		return intake.open(entry(screened(caseId, interviewer)));
	}

	/**
	 * Saves a page of the interview and moves on; the last page submits the response (mode CATI) and
	 * closes the case as complete — or as not eligible when a screening answer ended the interview.
	 */
	public PageStep answer(long caseId, String interviewer, int page, Map<String, List<String>> given, boolean forward) {
		CallView call = screened(caseId, interviewer);
		PageStep step = intake.answerPage(entry(call), page, given, forward);
		if (step.submitted() != null) {
			Integer seconds = call.interviewStarted() == null ? null
					: (int) Duration.between(call.interviewStarted(), clock.instant()).toSeconds();
			close(call, step.submitted().complete() ? Disposition.COMPLETE : Disposition.NOT_ELIGIBLE, null, null,
					new Interviewed(step.submitted().responseId(), seconds));
		}
		return step;
	}

	/**
	 * Records how an attempt ended and schedules the next one (or closes the case). {@code doNotCall}
	 * also puts the number on the do-not-call list.
	 */
	public void record(long caseId, String interviewer, Disposition disposition, Instant appointment, String note,
			boolean doNotCall) {
		if (disposition == null || !disposition.recordable()) {
			throw new BusinessRuleException("disposition", "fieldwork.call.error.disposition");
		}
		if (note != null && note.length() > 500) {
			throw new BusinessRuleException("note", "fieldwork.call.error.note");
		}
		CallView call = held(caseId, interviewer, false);
		close(call, disposition, appointment, note, null);
		if (doNotCall) {
			String hash = jdbc.sql("select phone_hash from call_case where id = :id").param("id", caseId).query(String.class).single();
			this.doNotCall.addHash(hash, call.phoneMasked() == null ? "?" : call.phoneMasked(), null);
		}
	}

	/**
	 * Cases held longer than the configured time (a closed browser, a lost session) go back to the
	 * queue as due recalls, giving back any quota place. Safe on several nodes: each update checks
	 * the case is still held.
	 */
	@Scheduled(fixedDelayString = "${minyi.fieldwork.stale-sweep-interval:1m}")
	public void returnStaleCalls() {
		Instant now = clock.instant();
		Instant before = now.minus(properties.staleCallAfter());
		jdbc.sql("""
				select id, survey_round, township_id, screened_gender, screened_age_group, quota_reserved from call_case
				where status = 'IN_CALL' and locked_at < :before""")
			.param("before", SqlTimes.bind(before))
			.query(rs -> {
				int returned = jdbc.sql("""
						update call_case set status = 'RECALL', next_call_at = :now, interviewer = null, locked_at = null,
						  screened_gender = null, screened_age_group = null, quota_reserved = false, interview_started = null
						where id = :id and status = 'IN_CALL' and locked_at < :before""")
					.param("now", SqlTimes.bind(now))
					.param("id", rs.getLong("id"))
					.param("before", SqlTimes.bind(before))
					.update();
				if (returned == 1 && rs.getBoolean("quota_reserved")) {
					quotas.settle(rs.getLong("survey_round"), rs.getLong("township_id"), rs.getString("screened_gender"),
							rs.getString("screened_age_group"), false);
				}
			});
	}

	/**
	 * What a submitted interview leaves on its attempt: the response (for quality control, ADR 0010)
	 * and how long the interview took.
	 */
	private record Interviewed(long responseId, Integer seconds) {
	}

	/**
	 * Ends the interviewer's hold with an attempt; fails (rolling everything back) if the hold was lost meanwhile.
	 *
	 * @param interviewed null unless an interview was submitted
	 */
	private void close(CallView call, Disposition disposition, Instant appointment, String note, Interviewed interviewed) {
		Instant now = clock.instant();
		CallRules.NextStep next = CallRules.after(disposition, call.lastDisposition(), call.attempts() + 1, appointment, now,
				properties.maxAttempts());
		int updated = jdbc.sql("""
				update call_case set status = :status, next_call_at = :next, attempts = attempts + 1, last_disposition = :disposition,
				  interviewer = null, locked_at = null, screened_gender = null, screened_age_group = null, quota_reserved = false,
				  interview_started = null, finished_at = :finished
				where id = :id and status = 'IN_CALL' and interviewer = :interviewer""")
			.param("status", next.status().name())
			.param("next", next.nextCallAt() == null ? null : SqlTimes.bind(next.nextCallAt()))
			.param("disposition", disposition.name())
			.param("finished", next.status() == CaseStatus.FINAL ? SqlTimes.bind(now) : null)
			.param("id", call.caseId())
			.param("interviewer", call.interviewer())
			.update();
		if (updated != 1) {
			throw new RecordNotFoundException("call_case", call.caseId());
		}
		jdbc.sql("""
				insert into call_attempt (case_id, interviewer, started_at, ended_at, disposition, interview_seconds, note, response_id,
				  screened_gender, screened_age_group)
				values (:case, :interviewer, :started, :ended, :disposition, :seconds, :note, :response, :gender, :age)""")
			.param("case", call.caseId())
			.param("interviewer", call.interviewer())
			.param("started", SqlTimes.bind(call.heldSince() == null ? now : call.heldSince()))
			.param("ended", SqlTimes.bind(now))
			.param("disposition", disposition.name())
			.param("seconds", interviewed == null ? null : interviewed.seconds())
			.param("note", note == null || note.isBlank() ? null : note.strip())
			.param("response", interviewed == null ? null : interviewed.responseId())
			.param("gender", call.screened() ? call.screenedGender().name() : null)
			.param("age", call.screened() ? call.screenedAgeGroup().name() : null)
			.update();
		if (next.status() == CaseStatus.FINAL) {
			intake.discard(entry(call));
		}
		if (call.quotaReserved()) {
			quotas.settle(call.roundId(), call.townshipId(), call.screenedGender().name(), call.screenedAgeGroup().name(),
					disposition == Disposition.COMPLETE);
		}
	}

	private CallView screened(long caseId, String interviewer) {
		CallView call = held(caseId, interviewer, false);
		if (!call.screened()) {
			throw BusinessRuleException.of("fieldwork.call.error.notScreened");
		}
		return call;
	}

	/** The gender and age-group answers of the instrument's demographic questions, as screened. */
	private static Map<String, List<String>> screeningAnswers(InstrumentDefinition definition, Gender gender, AgeGroup ageGroup) {
		Map<String, List<String>> known = new LinkedHashMap<>();
		definition.questionWithOptions(Arrays.stream(Gender.values()).map(Enum::name).collect(Collectors.toSet()))
			.ifPresent(q -> known.put(q.id(), List.of(gender.name())));
		definition.questionWithOptions(Arrays.stream(AgeGroup.values()).map(Enum::name).collect(Collectors.toSet()))
			.ifPresent(q -> known.put(q.id(), List.of(ageGroup.name())));
		return known;
	}

	/** The interview is known to the survey by its case, never by the number. */
	private static RespondentEntry entry(CallView call) {
		return RespondentEntry.interview(call.roundId(), "cati-" + call.caseId(), call.townshipId());
	}

	private CallView call(ResultSet rs, boolean forScreen) throws SQLException {
		long caseId = rs.getLong("id");
		long roundId = rs.getLong("survey_round");
		String last = rs.getString("last_disposition");
		String gender = rs.getString("screened_gender");
		String age = rs.getString("screened_age_group");
		List<AttemptView> history = !forScreen ? List.of()
				: jdbc.sql("select interviewer, started_at, disposition, note from call_attempt where case_id = :id order by id")
					.param("id", caseId)
					.query((a, n) -> new AttemptView(a.getString("interviewer"), SqlTimes.instant(a, "started_at"),
							Disposition.valueOf(a.getString("disposition")), a.getString("note")))
					.list();
		String roundName = forScreen ? rounds.find(roundId).map(RoundView::name).orElse("") : "";
		return new CallView(caseId, roundId, roundName, rs.getLong("township_id"),
				rs.getInt("replicate"), rs.getInt("attempts"), last == null ? null : Disposition.valueOf(last),
				rs.getString("phone_masked"), rs.getString("frame_gender"), rs.getString("frame_age_group"),
				gender == null ? null : Gender.valueOf(gender), age == null ? null : AgeGroup.valueOf(age),
				rs.getBoolean("quota_reserved"), rs.getString("interviewer"), SqlTimes.instant(rs, "locked_at"),
				SqlTimes.instant(rs, "interview_started"), history);
	}
}
