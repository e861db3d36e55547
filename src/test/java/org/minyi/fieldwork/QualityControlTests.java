package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.AgeGroup;
import org.minyi.org.Gender;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.survey.PageStep;
import org.minyi.survey.Questionnaire;
import org.minyi.survey.ResponseReader;
import org.minyi.survey.RoundView;
import org.minyi.survey.StandardAnswers;
import org.minyi.survey.invitation.ResponseCounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MinyiTest
class QualityControlTests {

	@Autowired
	CatiFixture fixture;

	@Autowired
	SampleDraws draws;

	@Autowired
	CatiCalls calls;

	@Autowired
	QualityControl quality;

	@Autowired
	Quotas quotas;

	@Autowired
	FieldworkMonitor monitor;

	@Autowired
	ResponseReader responses;

	@Autowired
	ResponseCounts counts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shortAndStraightLinedInterviewsAreFlagged() {
		RoundView round = roundWithSample("qc flags", 10);
		long plain = complete(round, "iv", StandardAnswers.with("Q5", "VERY_SATISFIED"));
		long straight = complete(round, "iv", StandardAnswers.complete());
		lasted(plain, 600);
		lasted(straight, 60);

		Map<Long, QualityControl.Interview> reviewed = new HashMap<>();
		quality.review(round.id()).interviews().forEach(i -> reviewed.put(i.caseId(), i));

		assertThat(reviewed.get(plain).flagged()).isFalse();
		assertThat(reviewed.get(straight).tooShort()).as("60 s is below the 2-minute minimum").isTrue();
		assertThat(reviewed.get(straight).straightLined()).as("Q3–Q7 all SATISFIED").isTrue();
		assertThat(reviewed.get(straight).gender()).isEqualTo(Gender.FEMALE);
		assertThat(quality.review(round.id()).interviewers()).singleElement()
			.satisfies(c -> {
				assertThat(c.interviews()).isEqualTo(2);
				assertThat(c.tooShort()).isEqualTo(1);
				assertThat(c.pValue()).as("nobody to compare with").isNull();
			});
	}

	@Test
	void invalidatingAFabricatedInterviewTakesItOutOfScoringGivesBackTheQuotaAndRedialsTheNumber() {
		RoundView round = roundWithSample("qc invalidate", 10);
		long genuine = complete(round, "iv", StandardAnswers.complete());
		long fabricated = complete(round, "iv", StandardAnswers.complete());
		long attempt = attemptOf(round, fabricated);
		assertThat(responseCount(round)).isEqualTo(2);

		assertThatThrownBy(() -> quality.invalidate(round.id(), attempt, "  ")).isInstanceOf(BusinessRuleException.class)
			.hasMessage("response.invalidate.error.reason");
		assertThat(responseCount(round)).as("a refused invalidation changes nothing").isEqualTo(2);
		assertThat(cell(round).completed()).isEqualTo(2);

		quality.invalidate(round.id(), attempt, "respondent denies the interview");

		assertThat(responseCount(round)).as("scoring no longer reads it").isEqualTo(1);
		assertThat(counts.of(round.id()).complete()).isEqualTo(1);
		assertThat(cell(round).completed()).as("its quota place is given back").isEqualTo(1);
		assertThat(monitor.monitor(round.id()).total().completes()).isEqualTo(1);
		assertThat(monitor.productivity(round.id())).singleElement().extracting(FieldworkMonitor.Productivity::completes).isEqualTo(1L);
		long responseId = jdbc.sql("select response_id from call_attempt where id = :id").param("id", attempt).query(Long.class).single();
		assertThat(audits("response.invalidate", "response", responseId)).isEqualTo(1);
		QualityControl.Interview invalidated = quality.interview(round.id(), attempt);
		assertThat(invalidated.invalidationReason()).isEqualTo("respondent denies the interview");
		assertThat(quality.review(round.id()).invalidated()).isEqualTo(1);

		assertThat(calls.next(round.id(), "iv2")).as("the number is called again, before fresh ones").contains(fabricated);
		assertThatThrownBy(() -> quality.invalidate(round.id(), attempt, "again")).hasMessage("fieldwork.qc.error.invalidated");
		assertThat(responseCount(round)).isEqualTo(1);
		assertThat(quality.interview(round.id(), attemptOf(round, genuine)).invalidated()).isFalse();

		RoundView other = roundWithSample("qc other round", 2);
		assertThatThrownBy(() -> quality.invalidate(other.id(), attemptOf(round, genuine), "forged"))
			.as("an interview of another round").isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void theVerificationSampleIsDrawnCalledBackAndRecorded() {
		RoundView round = roundWithSample("qc verification", 10);
		List<Long> cases = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			cases.add(complete(round, "iv", StandardAnswers.complete()));
		}
		long outside = attemptOf(round, cases.get(0));
		assertThatThrownBy(() -> quality.verificationNumber(round.id(), outside)).as("not in the sample: no number")
			.isInstanceOf(RecordNotFoundException.class);

		assertThat(quality.drawVerification(round.id())).as("10 % of 3, rounded up").isEqualTo(1);
		assertThat(quality.drawVerification(round.id())).isEqualTo(1);
		assertThat(quality.drawVerification(round.id())).isEqualTo(1);
		assertThatThrownBy(() -> quality.drawVerification(round.id())).hasMessage("fieldwork.qc.error.nothingToDraw");
		assertThat(quality.review(round.id()).inVerification()).isEqualTo(3);
		assertThatThrownBy(() -> quality.addToVerification(round.id(), outside)).hasMessage("fieldwork.qc.error.inSample");

		assertThat(quality.verificationNumber(round.id(), outside)).get().asString().startsWith("137");
		assertThat(audits("personal.reveal", "call_attempt", outside)).as("the reveal is audited").isEqualTo(1);

		assertThatThrownBy(() -> quality.recordVerification(round.id(), outside, null, null)).hasMessage("fieldwork.qc.error.outcome");
		quality.recordVerification(round.id(), outside, QualityControl.VerificationOutcome.CONFIRMED, " called at 10:05 ");
		QualityControl.Verification recorded = quality.interview(round.id(), outside).verification();
		assertThat(recorded.outcome()).isEqualTo(QualityControl.VerificationOutcome.CONFIRMED);
		assertThat(recorded.note()).isEqualTo("called at 10:05");
		assertThat(recorded.flagged()).as("drawn at random").isFalse();
		assertThat(quality.review(round.id()).verified()).isEqualTo(1);
	}

	private RoundView roundWithSample(String name, int completes) {
		RoundView round = fixture.fieldingRound(name);
		long chengguan = fixture.township("YJCG");
		draws.draw(round.id(), fixture.request(fixture.frame(completes * 2, "YJCG"), Map.of(chengguan, completes), "1", completes, 11,
				SampleDraws.QuotaKind.SOFT));
		return round;
	}

	/** Takes the next case and interviews a 45–59-year-old woman to the end; returns the case. */
	private long complete(RoundView round, String interviewer, Map<String, List<String>> answers) {
		long caseId = calls.next(round.id(), interviewer).orElseThrow();
		calls.screen(caseId, interviewer, Gender.FEMALE, AgeGroup.AGE_45_59);
		Questionnaire interview = calls.interview(caseId, interviewer);
		PageStep step = null;
		for (int page : interview.pages()) {
			step = calls.answer(caseId, interviewer, page, answers, true);
		}
		assertThat(step.submitted()).isNotNull();
		return caseId;
	}

	/** The interview took this long (tests cannot wait for minutes). */
	private void lasted(long caseId, int seconds) {
		jdbc.sql("update call_attempt set interview_seconds = :seconds where case_id = :case and disposition = 'COMPLETE'")
			.param("seconds", seconds).param("case", caseId).update();
	}

	private long attemptOf(RoundView round, long caseId) {
		return quality.review(round.id()).interviews().stream().filter(i -> i.caseId() == caseId).findFirst().orElseThrow().attemptId();
	}

	private long responseCount(RoundView round) {
		long[] n = { 0 };
		responses.forEach(round.id(), response -> n[0]++);
		return n[0];
	}

	private Quotas.QuotaCell cell(RoundView round) {
		return quotas.list(round.id()).stream()
			.filter(c -> c.gender() == Gender.FEMALE && c.ageGroup() == AgeGroup.AGE_45_59)
			.findFirst()
			.orElseThrow();
	}

	private long audits(String action, String targetType, long targetId) {
		return jdbc.sql("select count(*) from audit_entry where action = :action and target_type = :type and target_id = :target")
			.param("action", action)
			.param("type", targetType)
			.param("target", String.valueOf(targetId))
			.query(Long.class)
			.single();
	}
}
