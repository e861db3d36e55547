package org.minyi.scoring.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.minyi.scoring.estimation.Rankings.Rank;

/** Cases worked by hand (critical value Φ⁻¹(1 − 0.05/4) = 2.2414 for three units) and normal-table values. */
class RankingsTests {

	@Test
	void wellSeparatedUnitsHaveExactRanks() {
		assertThat(Rankings.rank(new double[] { 90, 85, 80 }, new double[] { 1, 1, 1 }, 0.05))
			.containsExactly(new Rank(1, 1, 1), new Rank(2, 2, 2), new Rank(3, 3, 3));
	}

	@Test
	void uncertainUnitsShareTheRanksTheyCannotBeToldApartIn() {
		// t between neighbours 5/√18 = 1.18 < 2.24; between first and last 10/√18 = 2.36 > 2.24
		assertThat(Rankings.rank(new double[] { 90, 85, 80 }, new double[] { 3, 3, 3 }, 0.05))
			.containsExactly(new Rank(1, 1, 2), new Rank(2, 1, 3), new Rank(3, 2, 3));
	}

	/**
	 * Positively correlated estimates (the same respondents rate every department): with s = 3 each the
	 * independent SE of a difference is √18 = 4.24 and 85 vs 80 is not told apart (1.18 < 2.24); with a
	 * correlation of 0.9 the difference's SE is √(18 − 2·0.9·9) = 1.34 and 5/1.34 = 3.73 separates them.
	 */
	@Test
	void correlatedEstimatesUseTheSeOfEachDifference() {
		double pairwise = Math.sqrt(18 - 2 * 0.9 * 9);
		double[][] differenceSe = { { 0, pairwise, pairwise }, { pairwise, 0, pairwise }, { pairwise, pairwise, 0 } };
		assertThat(Rankings.rank(new double[] { 90, 85, 80 }, differenceSe, 0.05))
			.containsExactly(new Rank(1, 1, 1), new Rank(2, 2, 2), new Rank(3, 3, 3));
	}

	@Test
	void tiesShareTheBetterRankAndASingleUnitIsFirst() {
		assertThat(Rankings.rank(new double[] { 88, 88, 70 }, new double[] { 0.5, 0.5, 0.5 }, 0.05))
			.extracting(Rank::rank).containsExactly(1, 1, 3);
		assertThat(Rankings.rank(new double[] { 70 }, new double[] { 5 }, 0.05)).containsExactly(new Rank(1, 1, 1));
	}

	@Test
	void targetProbabilityIsTheNormalTailAboveTheTarget() {
		assertThat(Rankings.targetProbability(new Estimate(86, 1, 200), 85)).isCloseTo(0.8413447, within(1e-7));
		assertThat(Rankings.targetProbability(new Estimate(85, 2, 200), 85)).isCloseTo(0.5, within(1e-12));
		assertThat(Rankings.targetProbability(new Estimate(90, 0, 200), 85)).isEqualTo(1.0);
	}

	@Test
	void aChangeIsTestedAgainstTheCombinedError() {
		Rankings.Change change = Rankings.change(new Estimate(80, 3, 200), new Estimate(86, 4, 200));
		assertThat(change.difference()).isEqualTo(6.0);
		assertThat(change.se()).isEqualTo(5.0);
		assertThat(change.pValue()).isCloseTo(0.2301393, within(1e-6)); // 2·(1 − Φ(1.2))
	}
}
