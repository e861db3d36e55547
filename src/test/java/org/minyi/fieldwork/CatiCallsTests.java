package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
	InterviewerAssignments assignments;

	@Autowired
	FieldworkMonitor monitor;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoHundredSimultaneousNextCallsGetTwoHundredDistinctNumbers() throws Exception {
		RoundView round = fixture.fieldingRound("dispatch");
		long chengguan = fixture.township("YJCG");
		long frame = fixture.frame(300, "YJCG");
		draws.draw(round.id(), fixture.request(frame, Map.of(chengguan, 60), "0.3", 25, 7, SampleDraws.QuotaKind.NONE));
		assertThat(count(round, "status = 'PENDING'")).as("200 needed at 30 %%, in whole replicates of 25").isEqualTo(200);
		assertThat(count(round, "status = 'RESERVE'")).as("half as many again in reserve").isEqualTo(100);

		List<Optional<Long>> given = concurrently(200, i -> calls.next(round.id(), "iv" + i));
		assertThat(given).as("nobody is told nothing is due while numbers remain").allMatch(Optional::isPresent);
		assertThat(given.stream().map(Optional::get).distinct()).hasSize(200);
		assertThat(count(round, "status = 'IN_CALL'")).isEqualTo(200);
		assertThat(calls.next(round.id(), "one more")).as("the released sample is used up").isEmpty();

		concurrently(200, i -> {
			calls.record(given.get(i).get(), "iv" + i, Disposition.NO_ANSWER, null, null, false);
			return null;
		});
		assertThat(count(round, "status = 'RECALL' and attempts = 1")).isEqualTo(200);
	}

	@Test
	void fiftyConcurrentInterviewsAgainstAHardQuotaOfTenCompleteExactlyTen() throws Exception {
		RoundView round = fixture.fieldingRound("quota");
		long chengguan = fixture.township("YJCG");
		long frame = fixture.frame(120, "YJCG");
		// 68 completes split by 城关街道's population give women aged 45–59 a quota of exactly 10
		draws.draw(round.id(), fixture.request(frame, Map.of(chengguan, 68), "1", 68, 11, SampleDraws.QuotaKind.HARD));
		assertThat(cell(round).target()).isEqualTo(10);
		assertThat(cell(round).hard()).isTrue();
		assertThat(quotas.list(round.id()).stream().mapToInt(Quotas.QuotaCell::target).sum()).isEqualTo(68);

		List<Long> held = new ArrayList<>();
		for (int i = 0; i < 50; i++) {
			held.add(calls.next(round.id(), "q" + i).orElseThrow());
		}
		Map<String, List<String>> answers = StandardAnswers.complete();
		List<Quotas.Admission> admissions = concurrently(50, i -> {
			Quotas.Admission admission = calls.screen(held.get(i), "q" + i, Gender.FEMALE, AgeGroup.AGE_45_59);
			if (admission == Quotas.Admission.ADMITTED) {
				for (int page : calls.interview(held.get(i), "q" + i).pages()) {
					calls.answer(held.get(i), "q" + i, page, answers, true);
				}
			}
			return admission;
		});
		assertThat(admissions).filteredOn(a -> a == Quotas.Admission.ADMITTED).hasSize(10);
		assertThat(admissions).filteredOn(a -> a == Quotas.Admission.FULL).hasSize(40);
		assertThat(List.of(cell(round).completed(), cell(round).reserved())).containsExactly(10, 0);
		assertThat(count(round, "last_disposition = 'COMPLETE'")).isEqualTo(10);
		assertThat(count(round, "last_disposition = 'QUOTA_FULL' and status = 'FINAL'")).isEqualTo(40);
		assertThat(jdbc.sql("select count(*) from survey_response where survey_round = :round").param("round", round.id())
			.query(Long.class).single()).isEqualTo(10);
	}

	@Test
	void aPlaceGivenBackByABreakOffGoesToTheNextRespondent() {
		RoundView round = fixture.fieldingRound("quota break-off");
		long chengguan = fixture.township("YJCG");
		draws.draw(round.id(), fixture.request(fixture.frame(40, "YJCG"), Map.of(chengguan, 7), "1", 10, 11, SampleDraws.QuotaKind.HARD));
		assertThat(cell(round).target()).as("7 completes give this cell one place").isEqualTo(1);
		long first = calls.next(round.id(), "a").orElseThrow();
		long second = calls.next(round.id(), "b").orElseThrow();
		assertThat(calls.screen(first, "a", Gender.FEMALE, AgeGroup.AGE_45_59)).isEqualTo(Quotas.Admission.ADMITTED);
		assertThatThrownBy(() -> calls.screen(first, "a", Gender.FEMALE, AgeGroup.AGE_45_59)).as("a second click reserves nothing")
			.hasMessage("fieldwork.call.error.screened");
		assertThat(cell(round).reserved()).isEqualTo(1);
		calls.record(first, "a", Disposition.BREAK_OFF, null, null, false);
		assertThat(cell(round).reserved()).isZero();
		assertThat(calls.screen(second, "b", Gender.FEMALE, AgeGroup.AGE_45_59)).isEqualTo(Quotas.Admission.ADMITTED);
		long third = calls.next(round.id(), "c").orElseThrow();
		assertThat(calls.screen(third, "c", Gender.FEMALE, AgeGroup.AGE_45_59)).isEqualTo(Quotas.Admission.FULL);
		assertThat(calls.screen(calls.next(round.id(), "c").orElseThrow(), "c", Gender.MALE, AgeGroup.AGE_45_59))
			.as("another cell still has places").isEqualTo(Quotas.Admission.ADMITTED);
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
		assertThat(step.submitted().outcome()).isEqualTo(ResponseOutcome.COMPLETE);
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
	void aBrokenOffInterviewResumesWithTheSameRespondentAndStartsAfreshWithAnother() {
		RoundView round = fixture.fieldingRound("resume");
		long chengguan = fixture.township("YJCG");
		draws.draw(round.id(), fixture.request(fixture.frame(5, "YJCG"), Map.of(chengguan, 1), "1", 1, 5, SampleDraws.QuotaKind.NONE));
		long caseId = calls.next(round.id(), "iv").orElseThrow();
		calls.screen(caseId, "iv", Gender.MALE, AgeGroup.AGE_30_44);
		int firstPage = calls.interview(caseId, "iv").page();
		calls.answer(caseId, "iv", firstPage, StandardAnswers.complete(), true);
		calls.record(caseId, "iv", Disposition.BREAK_OFF, null, null, false);
		makeDue(caseId);

		assertThat(calls.next(round.id(), "iv")).contains(caseId);
		calls.screen(caseId, "iv", Gender.MALE, AgeGroup.AGE_30_44);
		assertThat(calls.interview(caseId, "iv").page()).as("the same respondent goes on where they stopped").isGreaterThan(firstPage);
		calls.record(caseId, "iv", Disposition.BREAK_OFF, null, null, false);
		makeDue(caseId);

		assertThat(calls.next(round.id(), "iv")).contains(caseId);
		calls.screen(caseId, "iv", Gender.FEMALE, AgeGroup.AGE_60_PLUS);
		Questionnaire fresh = calls.interview(caseId, "iv");
		assertThat(fresh.page()).as("someone else answers: from the start").isEqualTo(firstPage);
		assertThat(fresh.answers().has("S1")).isFalse();
		assertThat(fresh.answers().get("D1")).containsExactly("FEMALE");
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

		// time passes: both waits are due
		makeDue(first);
		makeDue(second);
		assertThat(calls.next(round.id(), "iv")).contains(first);
		calls.record(first, "iv", Disposition.SOFT_REFUSAL, null, null, false);
		assertThat(calls.next(round.id(), "iv")).contains(second);
		assertThat(calls.next(round.id(), "iv")).as("the held case is given again until it is recorded").contains(second);
	}

	@Test
	void anAssignedInterviewerCallsOnlyTheirTownships() {
		RoundView round = fixture.fieldingRound("assignments");
		long chengguan = fixture.township("YJCG");
		long hekou = fixture.township("YJHK");
		draws.draw(round.id(), fixture.request(fixture.frame(10, "YJCG", "YJHK"), Map.of(chengguan, 10, hekou, 10), "1", 10, 5,
				SampleDraws.QuotaKind.NONE));
		assignments.assign(round.id(), Map.of("interviewer", Set.of(hekou)));
		assertThat(assignments.of(round.id())).containsEntry("interviewer", Set.of(hekou));
		for (int i = 0; i < 10; i++) {
			long caseId = calls.next(round.id(), "interviewer").orElseThrow();
			assertThat(township(caseId)).isEqualTo(hekou);
			calls.record(caseId, "interviewer", Disposition.NO_ANSWER, null, null, false);
		}
		assertThat(calls.next(round.id(), "interviewer")).as("河口镇 is done; 城关街道 is not theirs").isEmpty();
		assertThat(township(calls.next(round.id(), "supervisor").orElseThrow())).as("unassigned: any township").isEqualTo(chengguan);

		assertThatThrownBy(() -> assignments.assign(round.id(), Map.of("nobody", Set.of(hekou))))
			.hasMessage("fieldwork.assign.error.interviewer");
		long police = fixture.township("YJGA");
		assertThatThrownBy(() -> assignments.assign(round.id(), Map.of("interviewer", Set.of(police))))
			.hasMessage("fieldwork.assign.error.township");
		assertThat(assignments.of(round.id())).containsEntry("interviewer", Set.of(hekou));
		assignments.assign(round.id(), Map.of("interviewer", Set.of()));
		assertThat(assignments.of(round.id())).isEmpty();
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
		assertThatThrownBy(() -> draws.draw(round.id(), fixture.request(frame, Map.of(fixture.township("YJGA"), 10), "0.5", 5, 1,
				SampleDraws.QuotaKind.NONE))).as("a department in scope is not a township").hasMessage("fieldwork.draw.error.completes");
		assertThatThrownBy(() -> draws.draw(round.id(), fixture.request(999_999L, Map.of(chengguan, 10), "0.5", 5, 1, SampleDraws.QuotaKind.NONE)))
			.hasMessage("fieldwork.draw.error.frame");
		assertThat(draws.list(round.id())).isEmpty();
	}

	private long drafts(long caseId) {
		return jdbc.sql("select count(*) from response_draft where draft_key = :key").param("key", "cati-" + caseId)
			.query(Long.class).single();
	}

	/** Time passes until the case's next call is due. */
	private void makeDue(long caseId) {
		jdbc.sql("update call_case set next_call_at = :at where id = :id").param("at", java.sql.Timestamp.from(Instant.now().minusSeconds(5)))
			.param("id", caseId).update();
	}

	private long township(long caseId) {
		return jdbc.sql("select township_id from call_case where id = :id").param("id", caseId).query(Long.class).single();
	}

	private Quotas.QuotaCell cell(RoundView round) {
		return quotas.list(round.id()).stream()
			.filter(c -> c.gender() == Gender.FEMALE && c.ageGroup() == AgeGroup.AGE_45_59)
			.findFirst()
			.orElseThrow();
	}

	/** Runs {@code task} for 0..n-1 on n threads released at the same moment; results in index order. */
	private static <T> List<T> concurrently(int n, IntTask<T> task) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					start.await();
					return task.run(index);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

	@FunctionalInterface
	private interface IntTask<T> {

		T run(int index) throws Exception;
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
