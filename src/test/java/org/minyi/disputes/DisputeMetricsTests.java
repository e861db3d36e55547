package org.minyi.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.disputes.DisputeMetrics.Counts;
import org.minyi.disputes.Disputes.DisputeFilter;
import org.minyi.disputes.Disputes.DisputeView;
import org.minyi.disputes.Disputes.NewDispute;
import org.minyi.disputes.Disputes.Party;
import org.minyi.disputes.Disputes.Step;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.PageRequest;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Dispute lists and figures over cases of a township of the test's own (and one of its communities),
 * each case received on a chosen day and taken to a chosen state. Expected figures are counted by
 * hand from the cases below.
 */
@MinyiTest
class DisputeMetricsTests {

	@Autowired
	Disputes disputes;

	@Autowired
	DisputeMetrics metrics;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	UnitView town;

	UnitView community;

	DataScope officer;

	LocalDate today;

	@BeforeEach
	void township() {
		town = TestUnits.township(units, "figures town");
		community = TestUnits.community(units, town, "figures community");
		officer = TestUnits.officerOf(town);
		today = disputes.today();
	}

	/**
	 * In the township: an agreement after 6 days, a partial one after 2, a referral (received 30 days
	 * ago, the first day of the period), one just received, one received before the period. In the
	 * community: two high-risk cases still open (one being mediated, one agreed on its first day) and
	 * one withdrawn.
	 */
	@Test
	void figuresCountCasesOutcomesOpenHighRiskAndDaysByUnitAndByType() {
		settle(received(town, DisputeType.NEIGHBOUR, RiskLevel.LOW, 10), DisputeAction.AGREE, 4);
		settle(received(town, DisputeType.NEIGHBOUR, RiskLevel.LOW, 8), DisputeAction.AGREE_IN_PART, 6);
		refer(received(town, DisputeType.LABOUR, RiskLevel.LOW, 30));
		received(town, DisputeType.OTHER, RiskLevel.LOW, 0);
		settle(received(town, DisputeType.LABOUR, RiskLevel.MEDIUM, 31), DisputeAction.AGREE, 25);
		mediate(received(community, DisputeType.LAND, RiskLevel.HIGH, 5));
		settle(received(community, DisputeType.LAND, RiskLevel.HIGH, 20), DisputeAction.AGREE, 20);
		withdraw(received(community, DisputeType.LAND, RiskLevel.HIGH, 5));

		DisputeMetrics.Metrics figures = metrics.metrics(today.minusDays(30), today, officer);
		assertThat(figures.from()).isEqualTo(today.minusDays(30));
		assertThat(figures.byUnit()).extracting(Counts::key).as("most cases first")
			.containsExactly(String.valueOf(town.id()), String.valueOf(community.id()));
		assertCounts(figures.byUnit().get(0), 4, 1, 1, 1, 0, 4.0);
		assertThat(figures.byUnit().get(0).successRate()).isCloseTo(1.0 / 3, within(1e-9));
		assertCounts(figures.byUnit().get(1), 3, 1, 0, 0, 2, 0.0);
		assertThat(figures.byUnit().get(1).successRate()).isEqualTo(1.0);
		assertThat(figures.byType()).extracting(Counts::key).startsWith("LAND", "NEIGHBOUR").containsExactlyInAnyOrder("LAND", "NEIGHBOUR", "LABOUR",
				"OTHER");
		assertThat(figures.byType()).filteredOn(c -> c.key().equals("LABOUR")).singleElement()
			.satisfies(c -> assertCounts(c, 1, 0, 0, 1, 0, null));
		assertCounts(figures.total(), 7, 2, 1, 1, 2, 8.0 / 3);
		assertThat(figures.total().successRate()).isEqualTo(0.5);

		Counts todays = metrics.metrics(today, today, officer).total();
		assertThat(todays.cases()).isEqualTo(1);
		assertThat(todays.successRate()).as("no mediation has ended").isNull();
		assertThat(metrics.metrics(today.minusDays(30), today, TestUnits.officerOf(community)).byUnit()).extracting(Counts::key)
			.containsExactly(String.valueOf(community.id()));
		assertThat(metrics.metrics(today.minusDays(30), today, DataScope.wholeDistrict()).byUnit())
			.filteredOn(c -> c.key().equals(String.valueOf(town.id()))).singleElement().satisfies(c -> assertCounts(c, 4, 1, 1, 1, 0, 4.0));
	}

	@Test
	void listsFilterByStatusTypeRiskAndSubtreeNewestFirst() {
		DisputeView a = received(town, DisputeType.NEIGHBOUR, RiskLevel.LOW, 3);
		DisputeView b = mediate(received(community, DisputeType.LAND, RiskLevel.HIGH, 1));
		DisputeView c = withdraw(received(community, DisputeType.LAND, RiskLevel.HIGH, 2));
		DisputeView d = received(town, DisputeType.LABOUR, RiskLevel.MEDIUM, 1);
		assertThat(ids(DisputeFilter.none(), officer)).as("by day received, then the later taken in").containsExactly(d.id(), b.id(), c.id(), a.id());
		assertThat(ids(new DisputeFilter(DisputeStatus.MEDIATING, null, null, null, false), officer)).containsExactly(b.id());
		assertThat(ids(new DisputeFilter(null, DisputeType.LAND, null, null, false), officer)).containsExactly(b.id(), c.id());
		assertThat(ids(new DisputeFilter(null, null, RiskLevel.MEDIUM, null, false), officer)).containsExactly(d.id());
		assertThat(ids(new DisputeFilter(DisputeStatus.WITHDRAWN, DisputeType.LAND, RiskLevel.HIGH, null, false), officer)).containsExactly(c.id());
		assertThat(ids(new DisputeFilter(null, null, null, null, true), officer)).as("open high-risk only").containsExactly(b.id());
		assertThat(ids(new DisputeFilter(null, null, null, community.id(), false), officer)).containsExactly(b.id(), c.id());
		assertThat(ids(new DisputeFilter(null, null, null, town.id(), false), DataScope.wholeDistrict())).as("the unit with its subtree")
			.containsExactly(d.id(), b.id(), c.id(), a.id());
		assertThat(ids(DisputeFilter.none(), TestUnits.officerOf(community))).containsExactly(b.id(), c.id());
		var second = disputes.list(DisputeFilter.none(), officer, new PageRequest(1, 2, null, false));
		assertThat(second.total()).isEqualTo(4);
		assertThat(second.items()).extracting(DisputeView::id).containsExactly(c.id(), a.id());
		UnitView other = TestUnits.township(units, "figures elsewhere");
		assertThatThrownBy(() -> disputes.list(new DisputeFilter(null, null, null, other.id(), false), officer, new PageRequest(0, 10, null, false)))
			.as("a unit outside the scope is not found").isInstanceOf(RecordNotFoundException.class);
		assertThat(ids(DisputeFilter.none(), TestUnits.officerOf(other))).isEmpty();
	}

	private static void assertCounts(Counts counts, long cases, long agreements, long partial, long failed, long highRiskOpen, Double days) {
		assertThat(counts.cases()).as("cases of %s", counts.key()).isEqualTo(cases);
		assertThat(counts.agreements()).as("agreements of %s", counts.key()).isEqualTo(agreements);
		assertThat(counts.partial()).as("partial of %s", counts.key()).isEqualTo(partial);
		assertThat(counts.failed()).as("failed of %s", counts.key()).isEqualTo(failed);
		assertThat(counts.highRiskOpen()).as("open high risk of %s", counts.key()).isEqualTo(highRiskOpen);
		if (days == null) {
			assertThat(counts.averageDaysToSettle()).isNull();
		}
		else {
			assertThat(counts.averageDaysToSettle()).as("days of %s", counts.key()).isCloseTo(days, within(1e-9));
		}
	}

	private List<Long> ids(DisputeFilter filter, DataScope scope) {
		return disputes.list(filter, scope, new PageRequest(0, 50, null, false)).items().stream().map(DisputeView::id).toList();
	}

	private DisputeView received(UnitView unit, DisputeType type, RiskLevel risk, int daysAgo) {
		DisputeView dispute = disputes.receive(new NewDispute(unit.id(), Disputes.Source.WALK_IN, type, risk, null, "案情", "基本情况",
				List.of(new Party("APPLICANT", "甲方", null), new Party("RESPONDENT", "乙方", null))), DataScope.wholeDistrict());
		jdbc.sql("update dispute set received_on = :day where id = :id").param("day", today.minusDays(daysAgo)).param("id", dispute.id()).update();
		return disputes.find(dispute.id(), officer);
	}

	private DisputeView mediate(DisputeView dispute) {
		return act(dispute, DisputeAction.START_MEDIATION, new Step(MediationType.PEOPLES, "调解员", null, null, null));
	}

	private DisputeView settle(DisputeView dispute, DisputeAction agreement, int daysAgo) {
		return act(mediate(dispute), agreement, new Step(null, null, null, today.minusDays(daysAgo), "协议"));
	}

	private DisputeView refer(DisputeView dispute) {
		return act(mediate(dispute), DisputeAction.REFER, new Step(null, null, Referral.LITIGATION, null, "起诉"));
	}

	private DisputeView withdraw(DisputeView dispute) {
		return act(dispute, DisputeAction.WITHDRAW, new Step(null, null, null, null, "撤回"));
	}

	private DisputeView act(DisputeView dispute, DisputeAction action, Step step) {
		return disputes.act(dispute.id(), action, step, dispute.version(), officer);
	}
}
