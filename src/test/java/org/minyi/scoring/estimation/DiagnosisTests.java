package org.minyi.scoring.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.minyi.scoring.estimation.Diagnosis.GroupEffect;

/** Cases worked by hand. */
class DiagnosisTests {

	@Test
	void indicatorGapsAddUpToTheCompositeGap() {
		Map<String, Double> lambda = Map.of("SECURITY", 0.5, "SATISFACTION", 0.5);
		Map<String, Double> gaps = Diagnosis.indicatorGaps(lambda, Map.of("SECURITY", 80.0, "SATISFACTION", 70.0),
				Map.of("SECURITY", 85.0, "SATISFACTION", 85.0));
		assertThat(gaps.get("SECURITY")).isEqualTo(-2.5);
		assertThat(gaps.get("SATISFACTION")).isEqualTo(-7.5);
		// composite 75 against a target composite of 85
		assertThat(gaps.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(-10.0);
	}

	@Test
	void theGroupBelowTheMeanIsWhatPullsItDown() {
		// young: 40, 60 (mean 50); old: 100, 80, 90, 90 (mean 90); unit mean 460/6 = 76.67
		String[] group = { "young", "young", "old", "old", "old", "old" };
		double[] y = { 40, 60, 100, 80, 90, 90 };
		List<GroupEffect> effects = Diagnosis.groupEffects(group, y, null);
		assertThat(effects.get(0).group()).isEqualTo("young");
		assertThat(effects.get(0).contribution()).isCloseTo(2.0 / 6 * (50 - 460.0 / 6), within(1e-12));
		assertThat(effects.get(0).contribution() + effects.get(1).contribution()).isCloseTo(0, within(1e-12));
	}

	@Test
	void whatIfCountsTheAnswersThatMustChange() {
		// 100 answers averaging 82; each 30 → 80 change adds 0.5: 3 points need 6 changes
		assertThat(Diagnosis.answersToReachTarget(82, 100, 85, 30, 80, 20)).isEqualTo(OptionalInt.of(6));
		assertThat(Diagnosis.answersToReachTarget(82, 100, 85, 30, 80, 5)).isEmpty();
		assertThat(Diagnosis.answersToReachTarget(86, 100, 85, 30, 80, 5)).isEqualTo(OptionalInt.of(0));
	}
}
