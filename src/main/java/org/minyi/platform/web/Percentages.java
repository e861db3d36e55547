package org.minyi.platform.web;

import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats shares (0–1) as percentages for templates, {@code ${@percent.of(rate)}}: one decimal, and
 * a dash where the share is undefined (an empty denominator gives NaN).
 */
@Component("percent")
public class Percentages {

	public String of(double share) {
		return Double.isNaN(share) || Double.isInfinite(share) ? "—" : String.format(Locale.ROOT, "%.1f%%", share * 100);
	}

	/** A plain number with one decimal, or a dash. */
	public String decimal(Double value) {
		return value == null || value.isNaN() || value.isInfinite() ? "—" : String.format(Locale.ROOT, "%.1f", value);
	}
}
