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
import org.minyi.scoring.ScoreRow;
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
		List<Long> expected = snapshot.rows().stream()
			.filter(r -> r.indicator().equals(snapshot.mainIndicator()) && r.estimate() != null)
			.filter(r -> units.findById(r.unitId()).map(UnitView::kind).orElse(null) == UnitKind.TOWNSHIP)
			.sorted(java.util.Comparator.comparing(ScoreRow::estimate))
			.map(ScoreRow::unitId)
			.limit(3)
			.toList();
		List<FocusAreas.Focus> areas = focus.lowestTownships(round.id(), 3);
		assertThat(areas).isNotEmpty().extracting(FocusAreas.Focus::townshipId).containsExactlyElementsOf(expected);
		assertThat(areas).anySatisfy(area -> assertThat(area.communities()).isNotEmpty());
		assertThat(areas).allSatisfy(area -> {
			assertThat(area.communities()).allSatisfy(c -> {
				assertThat(c.contribution()).isNegative();
				assertThat(units.findById(c.unitId()).orElseThrow().parentId()).isEqualTo(area.townshipId());
			});
			assertThat(area.communities()).extracting(FocusAreas.WeakCommunity::contribution).isSorted();
		});
		assertThat(areas.get(0).score()).isLessThanOrEqualTo(areas.get(areas.size() - 1).score());
	}
}
