package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.survey.PageStep;
import org.minyi.survey.Questionnaire;
import org.minyi.survey.ResponseOutcome;
import org.minyi.survey.RoundView;
import org.minyi.survey.StandardAnswers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MinyiTest
class CatiCallsTests {

	@Autowired
	CatiFixture fixture;

	@Autowired
	SampleDraws draws;

	@Autowired
	CatiCalls calls;

	@Autowired
	Quotas quotas;

	@Autowired
	DoNotCall doNotCall;

	@Autowired
	FieldworkMonitor monitor;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twentyInterviewersDialAtOnceAndNoNumberIsGivenTwice() throws Exception {
		RoundView round = fixture.fieldingRound("dispatch");
		long chengguan = fixture.township("YJCG");
		long frame = fixture.frame(300, "YJCG");
		draws.draw(round.id(), fixture.request(frame, Map.of(chengguan, 60), "0.3", 25, 7, SampleDraws.QuotaKind.NONE));
		long released = count(round, "status = 'PENDING'");
		assertThat(released).as("200 needed at 30 %%, rounded up to whole replicates of 25").isEqualTo(200);

		Set<Long> given = ConcurrentHashMap.newKeySet();
		List<Long> twice = Collections.synchronizedList(new ArrayList<>());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		List<Future<Integer>> done = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String interviewer = "iv" + i;
			done.add(pool.submit((Callable<Integer>) () -> {
				start.await();
				int made = 0;
				for (Optional<Long> next = calls.next(round.id(), interviewer); next.isPresent(); next = calls.next(round.id(), interviewer)) {
					if (!given.add(next.get())) {
						twice.add(next.get());
					}
					calls.record(next.get(), interviewer, Disposition.NO_ANSWER, null, null, false);
					made++;
				}
				return made;
			}));
		}
		start.countDown();
		int made = 0;
		List<Integer> perInterviewer = new ArrayList<>();
		for (Future<Integer> f : done) {
			perInterviewer.add(f.get());
			made += f.get();
		}
		pool.shutdown();
		assertThat(twice).isEmpty();
		assertThat(perInterviewer).as("nobody is told nothing is due while numbers remain").doesNotContain(0);
		assertThat(made).isEqualTo(200);
		assertThat(given).hasSize(200);
		assertThat(count(round, "status = 'RECALL' and attempts = 1")).isEqualTo(200);
	}

	@Test
	void aHardQuotaIsNeverOverFilledByInterviewersScreeningAtOnce() throws Exception {
		RoundView round = fixture.fieldingRound("quota");
		long chengguan = fixture.township("YJCG");
		long frame = fixture.frame(120, "YJCG");
		draws.draw(round.id(), fixture.request(frame, Map.of(chengguan, 40), "1", 40, 11, SampleDraws.QuotaKind.HARD));
		Quotas.QuotaCell cell = quotas.list(round.id()).stream()
			.filter(c -> c.gender() == Gender.FEMALE && c.ageGroup() == AgeGroup.AGE_45_59)
			.findFirst()
			.orElseThrow();
		assertThat(cell.hard()).isTrue();
		assertThat(quotas.list(round.id()).stream().mapToInt(Quotas.QuotaCell::target).sum()).isEqualTo(40);

		int interviewers = 30;
		List<Long> held = new ArrayList<>();
		for (int i = 0; i < interviewers; i++) {
			held.add(calls.next(round.id(), "q" + i).orElseThrow());
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(interviewers);
		List<Future<Quotas.Admission>> screened = new ArrayList<>();
		for (int i = 0; i < interviewers; i++) {
			long caseId = held.get(i);
			String interviewer = "q" + i;
			screened.add(pool.submit(() -> {
				start.await();
				return calls.screen(caseId, interviewer, Gender.FEMALE, AgeGroup.AGE_45_59);
			}));
		}
		start.countDown();
		int admitted = 0;
		int full = 0;
		for (Future<Quotas.Admission> f : screened) {
			Quotas.Admission admission = f.get();
			admitted += admission == Quotas.Admission.ADMITTED ? 1 : 0;
			full += admission == Quotas.Admission.FULL ? 1 : 0;
		}
		pool.shutdown();
		assertThat(admitted).isEqualTo(cell.target());
		assertThat(full).isEqualTo(interviewers - cell.target());
		assertThat(count(round, "last_disposition = 'QUOTA_FULL' and status = 'FINAL'")).isEqualTo(interviewers - cell.target());

		// One admitted interview breaks off: its place goes back and the next respondent of the cell gets it.
		long admittedCase = held.stream().filter(id -> caseStillHeld(id)).findFirst().orElseThrow();
		String holder = jdbc.sql("select interviewer from call_case where id = :id").param("id", admittedCase).query(String.class).single();
		calls.record(admittedCase, holder, Disposition.BREAK_OFF, null, null, false);
		long another = calls.next(round.id(), "late").orElseThrow();
		assertThat(calls.screen(another, "late", Gender.FEMALE, AgeGroup.AGE_45_59)).isEqualTo(Quotas.Admission.ADMITTED);
	}

	@Test
	void aCompletedInterviewBecomesOneCatiResponseAndFillsItsQuota() {
		RoundView round = fixture.fieldingRound("complete");
		long chengguan = fixture.township("YJCG");
		long frame = fixture.frame(20, "YJCG");
		draws.draw(round.id(), fixture.request(frame, Map.of(chengguan, 8), "1", 10, 3, SampleDraws.QuotaKind.SOFT));
		long caseId = calls.next(round.id(), "iv").orElseThrow();
		assertThatThrownBy(() -> calls.held(caseId, "someone-else")).isInstanceOf(RecordNotFoundException.class);
		assertThat(calls.number(caseId, "iv")).get().asString().startsWith("137");
		assertThatThrownBy(() -> calls.interview(caseId, "iv")).hasMessage("fieldwork.call.error.notScreened");

		calls.screen(caseId, "iv", Gender.FEMALE, AgeGroup.AGE_45_59);
		Questionnaire interview = calls.interview(caseId, "iv");
		assertThat(interview.answers().get("D1")).as("screening answers carried into the instrument").containsExactly("FEMALE");
		Map<String, List<String>> answers = StandardAnswers.complete();
		PageStep step = null;
		for (int page : interview.pages()) {
			step = calls.answer(caseId, "iv", page, answers, true);
		}
		assertThat(step.submitted()).isEqualTo(ResponseOutcome.COMPLETE);
		assertThat(jdbc.sql("select count(*) from survey_response where survey_round = :round and mode = 'CATI' and channel = 'INTERVIEW'")
			.param("round", round.id()).query(Long.class).single()).isEqualTo(1);
		assertThat(count(round, "status = 'FINAL' and last_disposition = 'COMPLETE'")).isEqualTo(1);
		assertThatThrownBy(() -> calls.answer(caseId, "iv", interview.pages().get(interview.pages().size() - 1), answers, true))
			.as("a second submit of the same interview").isInstanceOf(RecordNotFoundException.class);
		assertThat(jdbc.sql("select count(*) from survey_response where survey_round = :round").param("round", round.id())
			.query(Long.class).single()).isEqualTo(1);
		Quotas.QuotaCell cell = quotas.list(round.id()).stream()
			.filter(c -> c.gender() == Gender.FEMALE && c.ageGroup() == AgeGroup.AGE_45_59).findFirst().orElseThrow();
		assertThat(List.of(cell.completed(), cell.reserved())).containsExactly(1, 0);

		assertThat(drafts(caseId)).as("no partial answers outlive the interview").isZero();

		long refused = calls.next(round.id(), "iv").orElseThrow();
		calls.screen(refused, "iv", Gender.MALE, AgeGroup.AGE_18_29);
		calls.answer(refused, "iv", calls.interview(refused, "iv").page(), answers, true);
		assertThat(drafts(refused)).isEqualTo(1);
		calls.record(refused, "iv", Disposition.REFUSAL, null, null, false);
		assertThat(drafts(refused)).as("a closed case keeps no partial answers").isZero();

		FieldworkMonitor.Progress progress = monitor.monitor(round.id()).townships().get(0);
		assertThat(progress.completes()).isEqualTo(1);
		assertThat(progress.connected()).isEqualTo(2);
		assertThat(progress.successRate()).isEqualTo(0.5);
		assertThat(monitor.monitor(round.id()).interviewers()).extracting(FieldworkMonitor.Productivity::interviewer).containsExactly("iv");
	}

	@Test
	void dueAppointmentsComeFirstThenRecallsThenFreshNumbers() {
		RoundView round = fixture.fieldingRound("priority");
		long chengguan = fixture.township("YJCG");
		long frame = fixture.frame(10, "YJCG");
		draws.draw(round.id(), fixture.request(frame, Map.of(chengguan, 10), "1", 10, 5, SampleDraws.QuotaKind.NONE));
		long first = calls.next(round.id(), "iv").orElseThrow();
		assertThatThrownBy(() -> calls.record(first, "iv", Disposition.APPOINTMENT, Instant.now().minusSeconds(60), null, false))
			.hasMessage("fieldwork.call.error.appointment");
		calls.record(first, "iv", Disposition.APPOINTMENT, Instant.now().plus(1, ChronoUnit.DAYS), "tomorrow 19:00", false);
		long second = calls.next(round.id(), "iv").orElseThrow();
		calls.record(second, "iv", Disposition.BUSY, null, null, false);
		long third = calls.next(round.id(), "iv").orElseThrow();
		assertThat(third).as("nothing is due yet: a fresh number").isNotIn(first, second);
		calls.record(third, "iv", Disposition.NO_ANSWER, null, null, false);

		// time passes: make both waits due (the recall first)
		jdbc.sql("update call_case set next_call_at = :at where id in (:ids)").param("at", java.sql.Timestamp.from(Instant.now().minusSeconds(5)))
			.param("ids", List.of(first, second)).update();
		assertThat(calls.next(round.id(), "iv")).contains(first);
		calls.record(first, "iv", Disposition.SOFT_REFUSAL, null, null, false);
		assertThat(calls.next(round.id(), "iv")).contains(second);
		assertThat(calls.next(round.id(), "iv")).as("the held case is given again until it is recorded").contains(second);
	}

	@Test
	void drawsAreReproducibleFromTheirSeedAndSkipExcludedNumbers() {
		long chengguan = fixture.township("YJCG");
		long frame = fixture.frame(50, "YJCG");
		RoundView a = fixture.fieldingRound("seed a");
		RoundView b = fixture.fieldingRound("seed b");
		RoundView c = fixture.fieldingRound("seed c");
		draws.draw(a.id(), fixture.request(frame, Map.of(chengguan, 10), "0.5", 5, 42, SampleDraws.QuotaKind.NONE));
		draws.draw(b.id(), fixture.request(frame, Map.of(chengguan, 10), "0.5", 5, 42, SampleDraws.QuotaKind.NONE));
		draws.draw(c.id(), fixture.request(frame, Map.of(chengguan, 10), "0.5", 5, 43, SampleDraws.QuotaKind.NONE));
		assertThat(drawn(a)).hasSize(30).isEqualTo(drawn(b)).isNotEqualTo(drawn(c));
		assertThat(count(a, "status = 'PENDING'")).isEqualTo(20);
		assertThat(count(a, "status = 'RESERVE'")).isEqualTo(10);

		assertThat(draws.releaseReplicate(a.id(), chengguan)).isEqualTo(5);
		assertThat(count(a, "status = 'PENDING'")).isEqualTo(25);

		// the first drawn number asks never to be called: closed in every round, and never drawn again
		long caseId = calls.next(a.id(), "iv").orElseThrow();
		calls.record(caseId, "iv", Disposition.REFUSAL, null, null, true);
		String hash = jdbc.sql("select phone_hash from call_case where id = :id").param("id", caseId).query(String.class).single();
		assertThat(jdbc.sql("select status from call_case where phone_hash = :hash and survey_round in (:rounds)").param("hash", hash)
			.param("rounds", List.of(b.id(), c.id())).query(String.class).list()).containsOnly("FINAL");
		RoundView d = fixture.fieldingRound("seed d");
		var view = draws.draw(d.id(), fixture.request(frame, Map.of(chengguan, 100), "1", 50, 42, SampleDraws.QuotaKind.NONE));
		assertThat(view.excluded()).isEqualTo(1);
		assertThat(view.drawn().get(chengguan)).isEqualTo(49);
		doNotCall.remove(hash);
	}

	@Test
	void aDrawNeedsAnOpenFieldedRoundAndSensibleFigures() {
		long chengguan = fixture.township("YJCG");
		long frame = fixture.frame(5, "YJCG");
		RoundView round = fixture.fieldingRound("bad draw");
		assertThatThrownBy(() -> draws.draw(round.id(), fixture.request(frame, Map.of(chengguan, 10), "0", 5, 1, SampleDraws.QuotaKind.NONE)))
			.hasMessage("fieldwork.draw.error.rate");
		assertThatThrownBy(() -> draws.draw(round.id(), fixture.request(frame, Map.of(chengguan, 10), "1.5", 5, 1, SampleDraws.QuotaKind.NONE)))
			.hasMessage("fieldwork.draw.error.rate");
		assertThatThrownBy(() -> draws.draw(round.id(), fixture.request(frame, Map.of(999_999L, 10), "0.5", 5, 1, SampleDraws.QuotaKind.NONE)))
			.hasMessage("fieldwork.draw.error.completes");
		assertThatThrownBy(() -> draws.draw(round.id(), fixture.request(999_999L, Map.of(chengguan, 10), "0.5", 5, 1, SampleDraws.QuotaKind.NONE)))
			.hasMessage("fieldwork.draw.error.frame");
		assertThat(draws.list(round.id())).isEmpty();
	}

	private long drafts(long caseId) {
		return jdbc.sql("select count(*) from response_draft where draft_key = :key").param("key", "cati-" + caseId)
			.query(Long.class).single();
	}

	private boolean caseStillHeld(long id) {
		return "IN_CALL".equals(jdbc.sql("select status from call_case where id = :id").param("id", id).query(String.class).single());
	}

	private List<Long> drawn(RoundView round) {
		return jdbc.sql("select frame_number_id from call_case where survey_round = :round order by replicate, id")
			.param("round", round.id()).query(Long.class).list();
	}

	private long count(RoundView round, String condition) {
		return jdbc.sql("select count(*) from call_case where survey_round = :round and " + condition)
			.param("round", round.id()).query(Long.class).single();
	}
}
