package org.minyi.scoring;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How a round is weighted and which indicator scores each political-legal department.
 *
 * @param margins               the population margins the design weights are raked to; none for design weights only
 * @param trimLow               lowest weight as a multiple of the mean weight (null for no bound)
 * @param trimHigh              highest weight as a multiple of the mean weight (null for no bound)
 * @param departmentIndicators  political-legal department id to the indicator its satisfaction is measured by
 */
public record ScoringSettings(Set<CalibrationMargin> margins, Double trimLow, Double trimHigh, Map<Long, String> departmentIndicators) {

	/** The population figures of {@code org} that weights can be raked to. */
	public enum CalibrationMargin {
		TOWNSHIP, GENDER, AGE_GROUP
	}

	public ScoringSettings {
		margins = margins.isEmpty() ? EnumSet.noneOf(CalibrationMargin.class) : EnumSet.copyOf(margins);
		departmentIndicators = Map.copyOf(departmentIndicators);
	}

	/** Raked to every margin, untrimmed, no department mapped. */
	public static ScoringSettings defaults() {
		return new ScoringSettings(EnumSet.allOf(CalibrationMargin.class), null, null, Map.of());
	}

	public boolean trimmed() {
		return trimLow != null || trimHigh != null;
	}
}
