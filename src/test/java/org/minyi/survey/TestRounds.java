package org.minyi.survey;

import java.time.LocalDate;
import java.util.Set;

/** Rounds on the published standard instrument, for tests that need a round of their own. */
public final class TestRounds {

	private TestRounds() {
	}

	public static RoundView create(RoundManagement rounds, InstrumentCatalog instruments, String name, RoundKind kind, Set<Mode> modes) {
		long standard = instruments.list().stream()
			.filter(v -> v.code().equals("STANDARD") && !v.isDraft())
			.findFirst()
			.orElseThrow()
			.id();
		return rounds.create(new RoundDraft(name, kind, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), standard, modes));
	}

	/** A mock round fielding with the given modes. */
	public static RoundView fielding(RoundManagement rounds, InstrumentCatalog instruments, String name, Set<Mode> modes) {
		RoundView round = create(rounds, instruments, name, RoundKind.MOCK, modes);
		return rounds.moveTo(round.id(), RoundStatus.FIELDING);
	}
}
