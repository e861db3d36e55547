package org.minyi.scoring.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Textbook cases: 385 for ±5 % on a 50 % rate, the finite population correction, STATISTICS.md §7's ±2.8. */
class SampleSizeTests {

	@Test
	void theClassicRateCaseNeeds385() {
		// 1.96² · 0.25 / 0.05² = 384.1 → 385
		assertThat(SampleSize.completes(SampleSize.rateVariance(50), 1, 5, Double.POSITIVE_INFINITY)).isEqualTo(385);
	}

	@Test
	void aSmallPopulationNeedsFewer() {
		// n₀ = 384.15; n = n₀ / (1 + n₀/1000) = 277.5 → 278
		assertThat(SampleSize.completes(SampleSize.rateVariance(50), 1, 5, 1000)).isEqualTo(278);
	}

	@Test
	void twoHundredCompletesGiveAboutTwoPointEightPoints() {
		// a score with S = 20 points: 1.96 · 20 / √200 = 2.77
		assertThat(SampleSize.margin(400, 1, 200, Double.POSITIVE_INFINITY)).isCloseTo(2.77, within(0.005));
		assertThat(SampleSize.completes(400, 1, 2.77, Double.POSITIVE_INFINITY)).isEqualTo(201);
	}

	@Test
	void releasedSampleCoversTheExpectedCompletionRate() {
		assertThat(SampleSize.released(200, 0.25)).isEqualTo(800);
		assertThat(SampleSize.completes(SampleSize.rateVariance(50), 1.5, 5, Double.POSITIVE_INFINITY)).isEqualTo(577);
		assertThatThrownBy(() -> SampleSize.released(200, 0)).isInstanceOf(IllegalArgumentException.class);
	}
}
