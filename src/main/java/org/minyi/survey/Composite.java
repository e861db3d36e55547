package org.minyi.survey;

import java.util.Map;

/**
 * An indicator combined from others with weights summing to 1, e.g. the overall score
 * {@code 0.5 × SECURITY + 0.5 × SATISFACTION_POLITICAL_LEGAL}.
 */
public record Composite(String code, String title, Map<String, Double> weights) {

	public Composite {
		weights = Map.copyOf(weights);
	}
}
