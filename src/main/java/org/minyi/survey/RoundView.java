package org.minyi.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** A round as pages and other modules see it; the id is null only before the round is first saved. */
public record RoundView(Long id, String name, RoundKind kind, LocalDate periodStart, LocalDate periodEnd,
		long instrumentVersionId, Set<Mode> modes, RoundStatus status, boolean openLink, List<Target> targets) {

	public Set<RoundStatus> nextStatuses() {
		return status.next(kind);
	}
}
