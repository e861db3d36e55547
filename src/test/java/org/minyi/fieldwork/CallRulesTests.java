package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CallRulesTests {

	private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

	@Test
	void interimDispositionsCallAgainAfterTheirDelay() {
		assertThat(CallRules.after(Disposition.NO_ANSWER, null, 1, null, NOW, 6))
			.isEqualTo(new CallRules.NextStep(CaseStatus.RECALL, NOW.plus(Duration.ofHours(3))));
		assertThat(CallRules.after(Disposition.BUSY, null, 1, null, NOW, 6).nextCallAt()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
		assertThat(CallRules.after(Disposition.SOFT_REFUSAL, Disposition.NO_ANSWER, 2, null, NOW, 6).nextCallAt())
			.isEqualTo(NOW.plus(Duration.ofDays(7)));
		Instant tomorrowEvening = Instant.parse("2026-11-30T11:00:00Z");
		assertThat(CallRules.after(Disposition.APPOINTMENT, null, 1, tomorrowEvening, NOW, 6))
			.isEqualTo(new CallRules.NextStep(CaseStatus.APPOINTMENT, tomorrowEvening));
	}

	@Test
	void finalDispositionsSecondSoftRefusalsAndTheLastAttemptCloseTheCase() {
		for (Disposition d : new Disposition[] { Disposition.COMPLETE, Disposition.REFUSAL, Disposition.NON_WORKING,
				Disposition.FAX_DATA_LINE, Disposition.LANGUAGE_BARRIER, Disposition.NOT_ELIGIBLE, Disposition.QUOTA_FULL }) {
			assertThat(CallRules.after(d, null, 1, null, NOW, 6).status()).as(d.name()).isEqualTo(CaseStatus.FINAL);
		}
		assertThat(CallRules.after(Disposition.SOFT_REFUSAL, Disposition.SOFT_REFUSAL, 3, null, NOW, 6).status()).isEqualTo(CaseStatus.FINAL);
		assertThat(CallRules.after(Disposition.NO_ANSWER, Disposition.NO_ANSWER, 6, null, NOW, 6).status()).isEqualTo(CaseStatus.FINAL);
		assertThat(CallRules.after(Disposition.NO_ANSWER, Disposition.NO_ANSWER, 5, null, NOW, 6).status()).isEqualTo(CaseStatus.RECALL);
	}

	@Test
	void anAppointmentNeedsAFutureTime() {
		assertThatThrownBy(() -> CallRules.after(Disposition.APPOINTMENT, null, 1, null, NOW, 6))
			.hasMessage("fieldwork.call.error.appointment");
		assertThatThrownBy(() -> CallRules.after(Disposition.APPOINTMENT, null, 1, NOW, NOW, 6))
			.hasMessage("fieldwork.call.error.appointment");
	}

	/**
	 * Counts I=400, P=50, R=200, NC=150, O=50, UH=100, UO=50, NE=200; worked by hand from the
	 * formulas of AAPOR's Standard Definitions: eligible = 850, unknown = 150, e = 850/1050.
	 */
	@Test
	void aaporRatesMatchAHandWorkedExample() {
		AaporRates rates = AaporRates.of(Map.of(AaporGroup.I, 400L, AaporGroup.P, 50L, AaporGroup.R, 200L, AaporGroup.NC, 150L,
				AaporGroup.O, 50L, AaporGroup.UH, 100L, AaporGroup.UO, 50L, AaporGroup.NE, 200L));
		double e = 850.0 / 1050.0;
		assertThat(rates.e()).isCloseTo(0.8095238, org.assertj.core.data.Offset.offset(1e-7));
		double d3 = 850 + e * 150; // 971.4286
		assertThat(rates.rr1()).isCloseTo(0.4, within());
		assertThat(rates.rr2()).isCloseTo(0.45, within());
		assertThat(rates.rr3()).isCloseTo(400 / d3, within()).isCloseTo(0.4117647, within());
		assertThat(rates.rr4()).isCloseTo(0.4632353, within());
		assertThat(rates.rr5()).isCloseTo(0.4705882, within());
		assertThat(rates.rr6()).isCloseTo(0.5294118, within());
		assertThat(rates.coop1()).isCloseTo(400.0 / 700, within());
		assertThat(rates.coop2()).isCloseTo(450.0 / 700, within());
		assertThat(rates.coop3()).isCloseTo(400.0 / 650, within());
		assertThat(rates.coop4()).isCloseTo(450.0 / 650, within());
		assertThat(rates.ref1()).isCloseTo(0.2, within());
		assertThat(rates.ref2()).isCloseTo(0.2058824, within());
		assertThat(rates.ref3()).isCloseTo(0.2352941, within());
		assertThat(rates.con1()).isCloseTo(0.7, within());
		assertThat(rates.con2()).isCloseTo(0.7205882, within());
		assertThat(rates.con3()).isCloseTo(0.8235294, within());
	}

	@Test
	void ratesWithoutCasesAreUndefined() {
		assertThat(AaporRates.of(Map.of()).rr1()).isNaN();
	}

	@Test
	void quotasSplitCompletesByPopulationAndAddUp() {
		assertThat(Quotas.apportion(10, new int[] { 1, 1, 1 })).containsExactly(4, 3, 3);
		assertThat(Quotas.apportion(200, new int[] { 6517, 9553, 10278, 9181, 6575, 10100, 10638, 9808 }))
			.containsExactly(18, 27, 28, 25, 18, 28, 29, 27);
	}

	@Test
	void aSeedGivesTheSameOrderEveryTime() {
		assertThat(SampleDraws.shuffled(10, 42, 7)).isEqualTo(SampleDraws.shuffled(10, 42, 7))
			.isNotEqualTo(SampleDraws.shuffled(10, 43, 7)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
	}

	private static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(1e-6);
	}
}
