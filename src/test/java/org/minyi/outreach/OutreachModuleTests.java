package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minyi.notices.Notices;
import org.minyi.notices.Notices.Notice;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.CitizenRequests.NewRequest;
import org.minyi.outreach.CitizenRequests.RequestView;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

/**
 * Outreach with only the modules it depends on: a request given to a unit is published as assigned,
 * and the unit's officer hears of it from the notice centre (included by name: outreach uses none of
 * its beans, only its event contract).
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "notices")
@ActiveProfiles({ "test", "demo" })
class OutreachModuleTests {

	@Autowired
	CitizenRequests requests;

	@Autowired
	Notices notices;

	@Autowired
	UnitManagement units;

	@Test
	void aRequestGivenToAUnitIsPublishedAndToldToItsOfficer(Scenario scenario) {
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		NewRequest request = new NewRequest(RequestSource.HOTLINE, RequestCategory.PUBLIC_SECURITY, "小区门口路灯不亮", "晚上很黑", "解放路",
				"王先生", "13805710041", chengguan.id());

		scenario.stimulate(() -> requests.receive(request, DataScope.wholeDistrict()))
			.andWaitForEventOfType(RequestAssigned.class)
			.matching(assigned -> "小区门口路灯不亮".equals(assigned.request().title()))
			.toArriveAndVerify((assigned, received) -> {
				assertThat(assigned.request().id()).isEqualTo(received.id());
				assertThat(assigned.request().unitId()).isEqualTo(chengguan.id());
				assertThat(assigned.request().dueDate()).isEqualTo(received.dueDate());
			});
		RequestView received = requests.list(CitizenRequests.RequestFilter.none(), DataScope.wholeDistrict(),
				PageRequest.of(0, 1, null, null)).items().get(0);
		scenario.stimulate(() -> received.id())
			.andWaitForStateChange(() -> toldTheOfficer(received), told -> !told.isEmpty())
			.andVerify(told -> assertThat(told).singleElement().satisfies(notice -> {
				assertThat(notice.kind()).isEqualTo("REQUEST_ASSIGNED");
				assertThat(notice.arguments()).containsExactly("小区门口路灯不亮", received.reference(), "城关街道", received.dueDate().toString());
			}));
	}

	private List<Notice> toldTheOfficer(RequestView request) {
		return notices.recent("officer", 200).stream().filter(notice -> notice.link().equals("/outreach/requests/" + request.id())).toList();
	}
}
