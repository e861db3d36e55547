package org.minyi.scoring.estimation;

import java.util.Map;

/**
 * A population margin to calibrate to: each respondent's level of a variable (township, gender,
 * age group …) and the population total of every level.
 */
public record Margin(String name, String[] level, Map<String, Double> populationTotals) {

	public Margin {
		populationTotals = Map.copyOf(populationTotals);
		for (String value : level) {
			if (!populationTotals.containsKey(value)) {
				throw new IllegalArgumentException("margin " + name + ": level " + value + " has no population total");
			}
		}
	}
}
