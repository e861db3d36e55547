package org.minyi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minyi.platform.BusinessRuleException;

class RoundTests {

	private static final Instant NOW = Instant.parse("2026-07-01T00:00:00Z");

	@Test
	void mockRoundGoesThroughFieldingAndAnnouncesItsClosing() {
		Round round = round(RoundKind.MOCK, Set.of(Mode.WEB, Mode.CATI));
		assertThat(round.view().nextStatuses()).containsExactly(RoundStatus.FIELDING);
		assertThat(round.moveTo(RoundStatus.FIELDING, NOW)).isNull();
		assertThatThrownBy(() -> round.moveTo(RoundStatus.PUBLISHED, NOW)).hasMessage("round.error.transition");
		assertThat(round.moveTo(RoundStatus.CLOSED, NOW)).extracting(RoundClosed::kind).isEqualTo(RoundKind.MOCK);
		round.moveTo(RoundStatus.PUBLISHED, NOW);
		assertThat(round.view().nextStatuses()).isEmpty();
	}

	@Test
	void officialRoundIsNeverFielded() {
		Round round = round(RoundKind.OFFICIAL, Set.of(Mode.WEB));
		assertThat(round.view().modes()).as("official results are imported, not collected").isEmpty();
		assertThatThrownBy(() -> round.moveTo(RoundStatus.FIELDING, NOW)).hasMessage("round.error.transition");
		round.moveTo(RoundStatus.CLOSED, NOW);
	}

	@Test
	void fieldingNeedsAMode() {
		Round round = round(RoundKind.PULSE, Set.of());
		assertThatThrownBy(() -> round.moveTo(RoundStatus.FIELDING, NOW)).hasMessage("round.error.noModes");
	}

	@Test
	void targetsApplyToUnitsInScopeAndLockWhenClosed() {
		Round round = round(RoundKind.MOCK, Set.of(Mode.WEB));
		round.setTargets(List.of(new Target(2, new BigDecimal("90.5"), null), new Target(3, null, 3)), NOW);
		assertThat(round.view().targets()).containsExactly(new Target(1, null, null), new Target(2, new BigDecimal("90.5"), null),
				new Target(3, null, 3));
		assertThatThrownBy(() -> round.setTargets(List.of(new Target(9, BigDecimal.TEN, null)), NOW))
			.hasMessage("round.error.unitNotInScope");
		assertThatThrownBy(() -> round.setTargets(List.of(new Target(2, new BigDecimal("100.5"), null)), NOW))
			.hasMessage("round.error.scoreTarget");
		assertThatThrownBy(() -> round.setTargets(List.of(new Target(2, null, 0)), NOW)).hasMessage("round.error.rankTarget");
		round.moveTo(RoundStatus.FIELDING, NOW);
		round.moveTo(RoundStatus.CLOSED, NOW);
		assertThatThrownBy(() -> round.setTargets(List.of(new Target(2, BigDecimal.ONE, null)), NOW))
			.isInstanceOf(BusinessRuleException.class).hasMessage("round.error.targetsLocked");
	}

	@Test
	void aDraftIsRevisedKeepingTheTargetsOfUnitsThatStay() {
		Round round = round(RoundKind.MOCK, Set.of(Mode.WEB));
		round.setTargets(List.of(new Target(2, new BigDecimal("90"), null), new Target(3, null, 3)), NOW);
		round.revise(new RoundDraft(" 2026 Q3 revised ", RoundKind.PULSE, LocalDate.of(2026, 8, 1), LocalDate.of(2026, 8, 15),
				2L, Set.of(Mode.CATI)), List.of(1L, 2L, 4L), NOW);
		RoundView view = round.view();
		assertThat(view.name()).isEqualTo("2026 Q3 revised");
		assertThat(view.kind()).isEqualTo(RoundKind.PULSE);
		assertThat(view.instrumentVersionId()).isEqualTo(2L);
		assertThat(view.modes()).containsExactly(Mode.CATI);
		assertThat(view.targets()).containsExactly(new Target(1, null, null), new Target(2, new BigDecimal("90"), null),
				new Target(4, null, null));
	}

	@Test
	void onlyADraftIsRevised() {
		Round round = round(RoundKind.MOCK, Set.of(Mode.WEB));
		RoundDraft same = new RoundDraft("x", RoundKind.MOCK, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31), 1L,
				Set.of(Mode.WEB));
		assertThatThrownBy(() -> round.revise(same, List.of(), NOW)).hasMessage("round.error.noUnits");
		round.moveTo(RoundStatus.FIELDING, NOW);
		assertThatThrownBy(() -> round.revise(same, List.of(1L), NOW)).hasMessage("round.error.notDraft");
	}

	@Test
	void periodMustNotEndBeforeItStarts() {
		assertThatThrownBy(() -> Round.create(new RoundDraft("x", RoundKind.MOCK, LocalDate.of(2026, 7, 2),
				LocalDate.of(2026, 7, 1), 1L, Set.of(Mode.WEB)), List.of(1L), NOW)).hasMessage("round.error.period");
	}

	private static Round round(RoundKind kind, Set<Mode> modes) {
		return Round.create(new RoundDraft("2026 Q3", kind, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31), 1L, modes),
				List.of(1L, 2L, 3L), NOW);
	}
}
