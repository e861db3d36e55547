package org.minyi.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.minyi.scoring.ScoringSettings.CalibrationMargin;

class WeightingTests {

	@Test
	void aRecordedWeightingReadsBackAsItWasWritten() {
		Weighting weighting = new Weighting(List.of(CalibrationMargin.TOWNSHIP, CalibrationMargin.AGE_GROUP), true, 12, 0.3, null, 1.0512);
		assertThat(weighting.encode()).isEqualTo("margins=TOWNSHIP,AGE_GROUP;converged=true;iterations=12;trimLow=0.3;deff=1.0512");
		assertThat(Weighting.decode(weighting.encode())).contains(weighting);
		Weighting none = new Weighting(List.of(), true, 0, null, null, 1);
		assertThat(Weighting.decode(none.encode())).contains(none);
		assertThat(none.raked()).isFalse();
	}

	@Test
	void freeTextFromBeforeIsNotMistakenForAWeighting() {
		assertThat(Weighting.decode("strata=township; weights=population/respondents; fpc; not raked")).isEmpty();
		assertThat(Weighting.decode("margins=SOMETHING;converged=true;iterations=1;deff=1")).isEmpty();
	}
}
