package org.minyi.disputes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minyi.disputes.Disputes.DisputeView;
import org.minyi.disputes.Disputes.NewDispute;
import org.minyi.disputes.Disputes.Party;
import org.minyi.disputes.Disputes.Step;
import org.minyi.notices.Notices;
import org.minyi.notices.Notices.Notice;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * Disputes with only the modules it depends on: a high-risk case is published as escalated and the
 * district hears of it from the notice centre until the case ends. The centre (and the accounts it
 * sends to) are included by name: disputes uses none of their beans, only the centre's event contract.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = { "notices", "access" })
@ActiveProfiles({ "test", "demo" })
class DisputesModuleTests {

	@Autowired
	Disputes disputes;

	@Autowired
	Notices notices;

	@Autowired
	UnitManagement units;

	@Test
	void aHighRiskCaseIsToldToTheDistrictUntilItEnds(Scenario scenario) {
		UnitView town = TestUnits.township(units, "module dispute town");
		DataScope officer = TestUnits.officerOf(town);
		NewDispute highRisk = new NewDispute(town.id(), Disputes.Source.HOTLINE, DisputeType.LABOUR, RiskLevel.HIGH, null, "工地欠薪聚集",
				"二十余名工人聚集讨薪", List.of(new Party("APPLICANT", "赵大海", "13805720031"), new Party("RESPONDENT", "某建筑公司", "")));

		scenario.stimulate(() -> disputes.receive(highRisk, officer))
			.andWaitForEventOfType(DisputeEscalated.class)
			.matching(escalated -> escalated.unitId() == town.id())
			.toArriveAndVerify((escalated, dispute) -> {
				assertThat(escalated.disputeId()).isEqualTo(dispute.id());
				assertThat(escalated.link()).isEqualTo("/disputes/" + dispute.id());
			});
		DisputeView dispute = disputes.list(Disputes.DisputeFilter.none(), officer, PageRequest.of(0, 1, null, null)).items().get(0);
		scenario.stimulate(() -> dispute.id())
			.andWaitForStateChange(() -> toldTheDistrict(dispute), told -> !told.isEmpty())
			.andVerify(told -> assertThat(told).singleElement().satisfies(notice -> {
				assertThat(notice.arguments()).containsExactly("工地欠薪聚集", dispute.reference(), town.name(), dispute.receivedOn().toString());
				assertThat(notice.read()).isFalse();
			}));

		scenario.stimulate(() -> disputes.act(dispute.id(), DisputeAction.WITHDRAW, new Step(null, null, null, null, "工资已结清"),
				dispute.version(), officer))
			.andWaitForStateChange(() -> toldTheDistrict(dispute), told -> told.stream().allMatch(Notice::read))
			.andVerify((told, withdrawn) -> {
				assertThat(withdrawn.status()).isEqualTo(DisputeStatus.WITHDRAWN);
				assertThat(told).as("an ended case needs no more watching").hasSize(1);
			});
	}

	private List<Notice> toldTheDistrict(DisputeView dispute) {
		return notices.recent("district", 200).stream().filter(notice -> notice.link().equals("/disputes/" + dispute.id())).toList();
	}
}
