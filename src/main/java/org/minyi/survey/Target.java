package org.minyi.survey;

import java.math.BigDecimal;

/**
 * A unit in a round's scope with its targets, either optional.
 *
 * @param scoreTarget score the unit must reach (0–100)
 * @param rankTarget  rank the unit must reach or beat (1 = first)
 */
public record Target(long unitId, BigDecimal scoreTarget, Integer rankTarget) {
}
