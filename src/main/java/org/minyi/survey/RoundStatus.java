package org.minyi.survey;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle of a round: draft → fielding → closed → published (official rounds skip fielding). */
public enum RoundStatus {

	DRAFT, FIELDING, CLOSED, PUBLISHED;

	public Set<RoundStatus> next(RoundKind kind) {
		return switch (this) {
			case DRAFT -> kind.isFielded() ? EnumSet.of(FIELDING) : EnumSet.of(CLOSED);
			case FIELDING -> EnumSet.of(CLOSED);
			case CLOSED -> EnumSet.of(PUBLISHED);
			case PUBLISHED -> EnumSet.noneOf(RoundStatus.class);
		};
	}

	public String messageKey() {
		return "round.status." + name();
	}
}
