package org.minyi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.survey.invitation.InvitationBatch;
import org.minyi.survey.invitation.Invitations;
import org.minyi.survey.invitation.IssuedInvitation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MinyiTest
class ResponseIntakeTests {

	@Autowired
	ResponseIntake intake;

	@Autowired
	Invitations invitations;

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	RoundView round;

	@BeforeEach
	void fieldingRound() {
		round = TestRounds.fielding(rounds, instruments, "web test", Set.of(Mode.WEB, Mode.CATI));
	}

	@Test
	void aCompleteResponseIsStoredOnceWithItsStratumAndNoSecondSubmitIsAccepted() {
		RespondentEntry entry = intake.byToken(token("YJCG"));
		assertThat(intake.submit(entry, Answers.of(StandardAnswers.complete()), Mode.WEB, null).outcome()).isEqualTo(ResponseOutcome.COMPLETE);

		assertThatThrownBy(() -> intake.submit(entry, Answers.of(StandardAnswers.complete()), Mode.WEB, null))
			.isInstanceOf(BusinessRuleException.class)
			.hasMessage("response.error.alreadySubmitted");
		assertThat(responses()).isEqualTo(1);
		Map<String, Object> row = jdbc.sql("select stratum_unit_id, community_unit_id, channel, outcome, mode from survey_response where survey_round = :r")
			.param("r", round.id()).query().singleRow();
		assertThat(row).containsEntry("stratum_unit_id", units.findByCode("YJCG").orElseThrow().id())
			.containsEntry("community_unit_id", units.findByCode("YJCG02").orElseThrow().id())
			.containsEntry("channel", "INVITATION").containsEntry("outcome", "COMPLETE").containsEntry("mode", "WEB");
		assertThat(intake.open(entry).answered()).isTrue();
	}

	@Test
	void concurrentSubmitsOfOneTokenStoreExactlyOneResponse() throws Exception {
		RespondentEntry entry = intake.byToken(token("YJCG"));
		ExecutorService pool = Executors.newFixedThreadPool(12);
		List<Callable<Boolean>> tries = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			tries.add(() -> {
				try {
					intake.submit(entry, Answers.of(StandardAnswers.complete()), Mode.WEB, null);
					return true;
				}
				catch (BusinessRuleException e) {
					return false;
				}
			});
		}
		long accepted = 0;
		for (Future<Boolean> result : pool.invokeAll(tries)) {
			accepted += result.get() ? 1 : 0;
		}
		pool.shutdown();
		assertThat(accepted).isEqualTo(1);
		assertThat(responses()).isEqualTo(1);
	}

	@Test
	void answersThatDoNotFitTheInstrumentAreRefusedAndNothingIsStored() {
		RespondentEntry entry = intake.byToken(token("YJCG"));
		assertProblem(entry, StandardAnswers.with("Q99", "X"), "answer.error.unknownQuestion");
		assertProblem(entry, StandardAnswers.with("Q1", "VERY_VERY_SAFE"), "answer.error.unknownOption");
		assertProblem(entry, StandardAnswers.with("Q1a", "THEFT"), "answer.error.hiddenQuestion");
		assertProblem(entry, StandardAnswers.with("Q1", "SAFE", "UNSAFE"), "answer.error.singleValue");
		assertProblem(entry, StandardAnswers.with("S4", "YJHK01"), "answer.error.unknownOption");
		Map<String, List<String>> missing = StandardAnswers.complete();
		missing.remove("Q3");
		assertProblem(entry, missing, "answer.error.required");
		assertThat(responses()).isZero();
		assertThat(intake.open(entry).answered()).isFalse();
	}

	@Test
	void aClosedRoundTakesNoResponses() {
		RespondentEntry entry = intake.byToken(token("YJCG"));
		rounds.moveTo(round.id(), RoundStatus.CLOSED);
		assertThatThrownBy(() -> intake.submit(entry, Answers.of(StandardAnswers.complete()), Mode.WEB, null))
			.hasMessage("response.error.roundClosed");
		assertThat(intake.open(entry).open()).isFalse();
		assertThat(responses()).isZero();
	}

	@Test
	void malformedAndUnknownTokensAreNotFound() {
		assertThatThrownBy(() -> intake.byToken("' or 1=1 --")).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> intake.byToken("AAAAAAAAAAAAAAAAAAAAAA")).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void pagesAreSavedResumedAndTheConditionalQuestionFollowsTheAnswerBeforeIt() {
		RespondentEntry entry = intake.byToken(token("YJCG"));
		Questionnaire start = intake.open(entry);
		assertThat(start.page()).isZero();
		assertThat(start.answers().get("S3")).containsExactly("YJCG");

		PageStep screening = intake.answerPage(entry, 0, Map.of("S1", List.of("YES"), "S2", List.of("YES"), "S3", List.of("YJCG")), true);
		assertThat(screening.problems()).isEmpty();
		assertThat(screening.page()).isEqualTo(1);

		PageStep unsafe = intake.answerPage(entry, 1, Map.of("Q1", List.of("NOT_VERY_SAFE"), "Q2", List.of("SAME")), true);
		assertThat(unsafe.page()).isEqualTo(1);
		assertThat(unsafe.problems()).containsExactly(new AnswerProblem("Q1a", "answer.error.followUp"));

		PageStep withFollowUp = intake.answerPage(entry, 1,
				Map.of("Q1", List.of("NOT_VERY_SAFE"), "Q1a", List.of("THEFT", "FRAUD"), "Q2", List.of("SAME")), true);
		assertThat(withFollowUp.page()).isEqualTo(2);
		assertThat(intake.open(entry).answers().get("Q1a")).containsExactly("THEFT", "FRAUD");

		PageStep back = intake.answerPage(entry, 2, Map.of(), false);
		assertThat(back.page()).isEqualTo(1);
		intake.answerPage(entry, 1, Map.of("Q1", List.of("SAFE"), "Q1a", List.of("THEFT"), "Q2", List.of("SAME")), true);
		Questionnaire resumed = intake.open(entry);
		assertThat(resumed.page()).isEqualTo(2);
		assertThat(resumed.answers().has("Q1a")).as("hidden again, so dropped").isFalse();
		assertThat(resumed.startedAt()).isNotNull();
	}

	@Test
	void aScreeningAnswerEndsTheInterviewAndIsRecordedAsScreenedOut() {
		RespondentEntry entry = intake.byToken(token("YJCG"));
		PageStep step = intake.answerPage(entry, 0, Map.of("S1", List.of("NO")), true);
		assertThat(step.submitted().outcome()).isEqualTo(ResponseOutcome.SCREENED_OUT);
		assertThat(jdbc.sql("select outcome from survey_response where survey_round = :r").param("r", round.id())
			.query(String.class).single()).isEqualTo("SCREENED_OUT");
		assertThat(jdbc.sql("select count(*) from response_draft where survey_round = :r").param("r", round.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void theOpenLinkTakesOneResponsePerDeviceAndOnlyWhenEnabled() {
		assertThatThrownBy(() -> intake.byOpenLink(round.id(), "device-1")).isInstanceOf(RecordNotFoundException.class);
		rounds.setOpenLink(round.id(), true);
		RespondentEntry first = intake.byOpenLink(round.id(), "device-1");
		intake.submit(first, Answers.of(StandardAnswers.complete()), Mode.WEB, null);
		assertThatThrownBy(() -> intake.submit(intake.byOpenLink(round.id(), "device-1"), Answers.of(StandardAnswers.complete()),
				Mode.WEB, null)).hasMessage("response.error.alreadySubmitted");
		intake.submit(intake.byOpenLink(round.id(), "device-2"), Answers.of(StandardAnswers.complete()), Mode.WEB, null);
		assertThat(responses()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from open_link_device where device_hash like 'device%'").query(Long.class).single())
			.as("only keyed hashes are stored").isZero();
	}

	@Test
	void invitationsAreUnguessableAndOnlyForUnitsInScope() {
		InvitationBatch batch = invitations.generate(round.id(), units.findByCode("YJCG02").orElseThrow().id(), 50);
		List<IssuedInvitation> tokens = invitations.tokens(batch.id());
		assertThat(tokens).hasSize(50).extracting(IssuedInvitation::token).doesNotHaveDuplicates()
			.allMatch(t -> t.matches("[A-Za-z0-9_-]{22}"));
		assertThat(batch.townshipId()).isEqualTo(units.findByCode("YJCG").orElseThrow().id());
		assertThat(jdbc.sql("select count(*) from invitation where token_sealed like :t or token_hash = :t")
			.param("t", tokens.get(0).token()).query(Long.class).single()).as("no token stored in clear").isZero();
		assertThatThrownBy(() -> invitations.generate(round.id(), units.findByCode("YJGA").orElseThrow().id(), 5))
			.hasMessage("invitation.error.unit");
		assertThatThrownBy(() -> invitations.generate(round.id(), units.findByCode("YJCG").orElseThrow().id(), Invitations.MAX_BATCH + 1))
			.hasMessage("invitation.error.size");
	}

	private void assertProblem(RespondentEntry entry, Map<String, List<String>> answers, String key) {
		assertThatThrownBy(() -> intake.submit(entry, Answers.of(answers), Mode.WEB, null))
			.isInstanceOfSatisfying(InvalidAnswersException.class,
					e -> assertThat(e.problems()).extracting(AnswerProblem::messageKey).contains(key));
	}

	private String token(String unitCode) {
		InvitationBatch batch = invitations.generate(round.id(), units.findByCode(unitCode).orElseThrow().id(), 1);
		return invitations.tokens(batch.id()).get(0).token();
	}

	private long responses() {
		return jdbc.sql("select count(*) from survey_response where survey_round = :r").param("r", round.id()).query(Long.class).single();
	}
}
