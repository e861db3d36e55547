package org.minyi.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minyi.org.UnitManagement;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.Mode;
import org.minyi.survey.ResponseIntake;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.minyi.survey.StandardAnswers;
import org.minyi.survey.TestResponses;
import org.minyi.survey.TestRounds;
import org.minyi.survey.invitation.Invitations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/** Scoring with only the modules it depends on: closing a fielded round in {@code survey} scores it. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles({ "test", "demo" })
class ScoringModuleTests {

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	Invitations invitations;

	@Autowired
	ResponseIntake intake;

	@Autowired
	UnitManagement units;

	@Autowired
	RoundScoring scoring;

	@Test
	void closingAFieldedRoundScoresIt(Scenario scenario) {
		RoundView round = TestRounds.fielding(rounds, instruments, "module scoring", Set.of(Mode.WEB));
		for (String township : List.of("YJCG", "YJCG", "YJHK")) {
			Map<String, List<String>> answers = StandardAnswers.complete();
			answers.remove("S4");
			answers.put("S3", List.of(township));
			TestResponses.submitOnTheWeb(invitations, intake, round.id(), units.findByCode(township).orElseThrow().id(), answers);
		}
		scenario.stimulate(() -> rounds.moveTo(round.id(), RoundStatus.CLOSED))
			.andWaitForStateChange(() -> scoring.latest(round.id()))
			.andVerify(snapshot -> assertThat(snapshot.orElseThrow().responseCount()).isEqualTo(3));
	}
}
