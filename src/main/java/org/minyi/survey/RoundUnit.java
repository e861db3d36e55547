package org.minyi.survey;

import java.math.BigDecimal;

/** Row of a round's scope; part of the {@link Round} aggregate. */
record RoundUnit(long unitId, BigDecimal scoreTarget, Integer rankTarget) {

	Target target() {
		return new Target(unitId, scoreTarget, rankTarget);
	}
}
