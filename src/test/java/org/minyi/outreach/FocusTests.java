package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitKind;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.scoring.FocusAreas;
import org.minyi.scoring.RoundScoring;
import org.minyi.scoring.ScoreSnapshot;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundView;
import org.minyi.platform.PageRequest;
import org.minyi.platform.security.DataScope;
import org.minyi.workplan.PlanSection;
import org.minyi.workplan.WorkPlans;
import org.minyi.workplan.WorkPlans.ItemView;
import org.minyi.workplan.WorkPlans.PlanView;
import org.minyi.workplan.WorkTasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** The focus areas of the demo's scored round: the lowest townships in order, their pulling-down communities their own. */
@MinyiTest
class FocusTests {

	@Autowired
	FocusAreas focus;

	@Autowired
	RoundScoring scoring;

	@Autowired
	RoundManagement rounds;

	@Autowired
	UnitManagement units;

	@Autowired
	PublicityTasks publicity;

	@Autowired
	WorkPlans plans;

	@Autowired
	WorkTasks tasks;

	@Autowired
	MessageSource messages;

	@Test
	void theLowestTownshipsComeFirstWithTheirOwnWeakCommunities() {
		RoundView round = rounds.list().stream().filter(r -> scoring.latest(r.id()).isPresent()).findFirst().orElseThrow();
		ScoreSnapshot snapshot = scoring.latest(round.id()).orElseThrow();
		List<FocusAreas.Focus> areas = focus.lowestTownships(round.id(), 3);
		assertThat(areas).hasSize(3).extracting(FocusAreas.Focus::score).isSorted();
		assertThat(areas).allSatisfy(area -> assertThat(units.findById(area.townshipId()).orElseThrow().kind()).isEqualTo(UnitKind.TOWNSHIP));
		double highestShown = areas.get(2).score();
		List<Long> shown = areas.stream().map(FocusAreas.Focus::townshipId).toList();
		assertThat(snapshot.rows()).as("no township left out scores lower than one shown")
			.filteredOn(r -> r.indicator().equals(snapshot.mainIndicator()) && r.estimate() != null && !shown.contains(r.unitId()))
			.filteredOn(r -> units.findById(r.unitId()).map(UnitView::kind).orElse(null) == UnitKind.TOWNSHIP)
			.isNotEmpty()
			.allSatisfy(r -> assertThat(r.estimate()).isGreaterThanOrEqualTo(highestShown));
		assertThat(areas).anySatisfy(area -> assertThat(area.communities()).isNotEmpty());
		assertThat(areas).allSatisfy(area -> {
			assertThat(area.communities()).allSatisfy(c -> {
				assertThat(c.contribution()).isNegative();
				assertThat(units.findById(c.unitId()).orElseThrow().parentId()).isEqualTo(area.townshipId());
			});
			assertThat(area.communities()).extracting(FocusAreas.WeakCommunity::contribution).isSorted();
		});
	}

	@Test
	void aPublicityTaskForAWeakCommunityNamesTheTownshipsWeakIndicatorsAndReachesTheCommunityAtOnce() {
		RoundView round = rounds.list().stream().filter(r -> scoring.latest(r.id()).isPresent()).findFirst().orElseThrow();
		FocusAreas.Focus area = focus.lowestTownships(round.id(), 1).get(0);
		UnitView community = units.findById(area.communities().get(0).unitId()).orElseThrow();
		PlanView plan = plans.createFromTemplate("focus publicity " + System.nanoTime(), LocalDate.now());
		plans.publish(plan.id());
		LocalDate due = LocalDate.now().plusDays(20);

		ItemView item = publicity.assign(round.id(), community.id(), plan.id(), due);

		assertThat(item.title()).contains(community.name());
		assertThat(item.section()).isEqualTo(PlanSection.FOCUS);
		assertThat(item.targetUnits()).containsExactly(community.id());
		assertThat(item.dueDate()).isEqualTo(due);
		String firstWeak = messages.getMessage("indicator." + area.weakIndicators().get(0), null, Locale.SIMPLIFIED_CHINESE);
		assertThat(item.description()).contains(firstWeak);
		assertThat(tasks.list(new WorkTasks.TaskFilter(plan.id(), community.id(), null, false), DataScope.wholeDistrict(), PageRequest.of(0, 200, null, null))
			.items()).filteredOn(task -> task.itemId() == item.id()).singleElement()
			.satisfies(task -> assertThat(task.unitId()).isEqualTo(community.id()));

		assertThatThrownBy(() -> publicity.assign(round.id(), area.townshipId(), plan.id(), due)).as("a township is not a community")
			.hasMessage("outreach.focus.error.community");
		assertThatThrownBy(() -> publicity.assign(round.id(), community.id(), plan.id(), LocalDate.now().minusDays(1)))
			.hasMessage("outreach.focus.error.dueDate");
		assertThatThrownBy(() -> publicity.assign(round.id(), community.id(), plan.id() + 999_999, due)).hasMessage("outreach.focus.error.plan");
	}
}
