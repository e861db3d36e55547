package org.minyi.fieldwork.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.minyi.fieldwork.CatiCalls;
import org.minyi.fieldwork.Disposition;
import org.minyi.fieldwork.QualityControl;
import org.minyi.fieldwork.SampleDraws;
import org.minyi.fieldwork.SampleFrames;
import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.security.DataScope;
import org.minyi.survey.AnswerOption;
import org.minyi.survey.Answers;
import org.minyi.survey.PageStep;
import org.minyi.survey.Question;
import org.minyi.survey.QuestionType;
import org.minyi.survey.Questionnaire;
import org.minyi.survey.RoundView;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo telephone fieldwork on the fielding demo round: a seeded draw from the demo frame with soft
 * quotas, and a day of calls by the demo interviewer through the same services the console uses —
 * completed interviews (which become CATI responses), no answers, busy lines, refusals, a
 * do-not-call request, appointments, non-working numbers — so the monitor shows progress, AAPOR
 * rates and productivity. The calls are made at start-up; their times are then spread over
 * yesterday's working day so that productivity per hour reads like a real shift.
 */
@Component
@Profile("demo")
@Order(75)
class DemoCati implements ApplicationRunner {

	static final String INTERVIEWER = "interviewer";

	/** The demo interviewers; the last one fabricates: short interviews, every answer the best one. */
	private static final List<String> INTERVIEWERS = List.of(INTERVIEWER, "interviewer2", "interviewer3");

	private static final String FABRICATOR = "interviewer3";

	private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Shanghai");

	private final SampleDraws draws;

	private final SampleFrames frames;

	private final CatiCalls calls;

	private final UnitManagement units;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final QualityControl quality;

	DemoCati(SampleDraws draws, SampleFrames frames, CatiCalls calls, UnitManagement units, MessageSource messages, JdbcClient jdbc,
			QualityControl quality) {
		this.quality = quality;
		this.draws = draws;
		this.frames = frames;
		this.calls = calls;
		this.units = units;
		this.messages = messages;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		String demoRound = fieldingDemoRound();
		Optional<RoundView> fielding = calls.callableRounds().stream().filter(r -> r.name().equals(demoRound)).findFirst();
		String frameName = messages.getMessage("fieldwork.frame.demoName", null, Locale.SIMPLIFIED_CHINESE);
		Optional<SampleFrames.FrameView> frame = frames.list().stream().filter(f -> f.name().equals(frameName)).findFirst();
		if (fielding.isEmpty() || frame.isEmpty() || !draws.list(fielding.get().id()).isEmpty()) {
			return;
		}
		long roundId = fielding.get().id();
		Map<Long, Integer> completes = new LinkedHashMap<>();
		units.list(DataScope.wholeDistrict()).stream()
			.filter(u -> u.kind() == UnitKind.TOWNSHIP && u.active())
			.map(UnitView::id)
			.forEach(id -> completes.put(id, 10));
		draws.draw(roundId, new SampleDraws.DrawRequest(frame.get().id(), completes, new BigDecimal("0.5"), 10, 20261115L,
				SampleDraws.QuotaKind.SOFT));
		Random random = new Random(2026);
		for (int call = 0; call < 135; call++) {
			String interviewer = INTERVIEWERS.get(call % INTERVIEWERS.size());
			Optional<Long> next = calls.next(roundId, interviewer);
			if (next.isEmpty()) {
				break;
			}
			dial(next.get(), interviewer, random);
		}
		spreadOverYesterday(roundId, random);
		checkQuality(roundId);
	}

	/**
	 * Quality control as a supervisor would do it: a random verification sample, call-backs that
	 * confirm the honest interviewers' work and not the fabricator's, and one fabricated interview
	 * invalidated. Some call-backs are left to do.
	 */
	private void checkQuality(long roundId) {
		quality.drawVerification(roundId);
		List<QualityControl.Interview> sample = quality.review(roundId).interviews().stream()
			.filter(i -> i.verification() != null)
			.toList();
		for (int i = 0; i < sample.size() - 1; i++) {
			QualityControl.Interview interview = sample.get(i);
			boolean fabricated = interview.interviewer().equals(FABRICATOR);
			quality.recordVerification(roundId, interview.attemptId(),
					fabricated ? QualityControl.VerificationOutcome.NOT_CONFIRMED : QualityControl.VerificationOutcome.CONFIRMED,
					null);
		}
		quality.review(roundId).interviews().stream()
			.filter(i -> i.interviewer().equals(FABRICATOR) && i.flagged() && i.verification() == null)
			.findFirst()
			.ifPresent(interview -> {
				quality.addToVerification(roundId, interview.attemptId());
				quality.recordVerification(roundId, interview.attemptId(), QualityControl.VerificationOutcome.NOT_CONFIRMED,
						messages.getMessage("fieldwork.qc.demoNote", null, Locale.SIMPLIFIED_CHINESE));
				quality.invalidate(roundId, interview.attemptId(),
						messages.getMessage("fieldwork.qc.demoReason", null, Locale.SIMPLIFIED_CHINESE));
			});
	}

	/** The name of the demo round left fielding, from the same list the survey module's demo reads. */
	private static String fieldingDemoRound() {
		try (InputStream in = new ClassPathResource("demo/rounds.csv").getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.map(line -> line.split(","))
				.filter(columns -> columns.length > 5 && columns[5].equals("FIELDING"))
				.map(columns -> columns[0])
				.findFirst()
				.orElse("");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void dial(long caseId, String interviewer, Random random) {
		int roll = random.nextInt(100);
		if (roll < (interviewer.equals(FABRICATOR) ? 60 : 40)) {
			interview(caseId, interviewer, random);
			return;
		}
		Disposition disposition = roll < 55 ? Disposition.NO_ANSWER : roll < 63 ? Disposition.BUSY : roll < 70 ? Disposition.NON_WORKING
				: roll < 76 ? Disposition.ANSWERING_MACHINE : roll < 82 ? Disposition.SOFT_REFUSAL : roll < 88 ? Disposition.REFUSAL
						: roll < 92 ? Disposition.RESPONDENT_UNAVAILABLE : roll < 96 ? Disposition.APPOINTMENT : Disposition.FAX_DATA_LINE;
		Instant appointment = disposition == Disposition.APPOINTMENT
				? LocalDate.now(DISTRICT_TIME).plusDays(1).atTime(19, 0).atZone(DISTRICT_TIME).toInstant() : null;
		calls.record(caseId, interviewer, disposition, appointment, null, disposition == Disposition.REFUSAL && roll % 2 == 0);
	}

	/**
	 * Screens and answers the whole instrument with random answers (the fabricator always gives the
	 * first, best option); one honest interview in ten breaks off half-way.
	 */
	private void interview(long caseId, String interviewer, Random random) {
		calls.screen(caseId, interviewer, Gender.values()[random.nextInt(2)], AgeGroup.values()[random.nextInt(AgeGroup.values().length)]);
		Questionnaire questionnaire = calls.interview(caseId, interviewer);
		boolean fabricated = interviewer.equals(FABRICATOR);
		boolean breaksOff = !fabricated && random.nextInt(10) == 0;
		for (int step = 0; step < 20; step++) {
			if (breaksOff && step == 2) {
				calls.record(caseId, interviewer, Disposition.BREAK_OFF, null, null, false);
				return;
			}
			PageStep page = calls.answer(caseId, interviewer, questionnaire.page(), answers(questionnaire, random, fabricated), true);
			if (page.submitted() != null) {
				return;
			}
			questionnaire = page.questionnaire();
		}
	}

	/** An answer to every shown choice question of the page; screening questions are answered "yes". */
	private static Map<String, List<String>> answers(Questionnaire questionnaire, Random random, boolean fabricated) {
		Map<String, List<String>> given = new LinkedHashMap<>(questionnaire.answers().asMap());
		for (Question question : questionnaire.definition().sections().get(questionnaire.page()).questions()) {
			if ((question.type() == QuestionType.SINGLE || question.type() == QuestionType.MULTIPLE) && !given.containsKey(question.id())
					&& question.isShown(Answers.of(given))) {
				List<AnswerOption> options = new ArrayList<>(question.options().stream().filter(o -> !o.endsInterview()).toList());
				given.put(question.id(), List.of(options.get(fabricated ? 0 : random.nextInt(options.size())).code()));
			}
		}
		return given;
	}

	/**
	 * Gives the attempts realistic times: each interviewer's one after another from 09:00 yesterday,
	 * honest interviews of 3–8 minutes, the fabricator's of 1–2.
	 */
	private void spreadOverYesterday(long roundId, Random random) {
		Instant nine = LocalDate.now(DISTRICT_TIME).minusDays(1).atTime(9, 0).atZone(DISTRICT_TIME).toInstant();
		Map<String, Instant> clocks = new LinkedHashMap<>();
		List<String[]> attempts = jdbc.sql("""
				select a.id, a.disposition, a.interviewer from call_attempt a join call_case c on c.id = a.case_id
				where c.survey_round = :round order by a.id""")
			.param("round", roundId)
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3) })
			.list();
		for (String[] attempt : attempts) {
			boolean complete = Disposition.COMPLETE.name().equals(attempt[1]);
			Duration length = !complete ? Duration.ofSeconds(20 + random.nextInt(90))
					: Duration.ofSeconds(attempt[2].equals(FABRICATOR) ? 60 + random.nextInt(40) : 180 + random.nextInt(300));
			Instant at = clocks.getOrDefault(attempt[2], nine);
			jdbc.sql("update call_attempt set started_at = :start, ended_at = :end, interview_seconds = :seconds where id = :id")
				.param("start", SqlTimes.bind(at))
				.param("end", SqlTimes.bind(at.plus(length)))
				.param("seconds", complete ? (int) length.toSeconds() : null)
				.param("id", Long.parseLong(attempt[0]))
				.update();
			clocks.put(attempt[2], at.plus(length).plusSeconds(30 + random.nextInt(60)));
		}
	}
}
