package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
import org.springframework.beans.factory.annotation.Autowired;

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
}
