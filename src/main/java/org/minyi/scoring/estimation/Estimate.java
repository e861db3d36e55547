package org.minyi.scoring.estimation;

/**
 * An estimate with its standard error.
 *
 * @param n respondents that contributed (valid answers in the domain)
 */
public record Estimate(double value, double se, int n) {

	/** 95 % Wald interval: value ± 1.96 SE. */
	public double[] waldInterval() {
		return new double[] { value - Z95 * se, value + Z95 * se };
	}

	/** Φ⁻¹(0.975), as R's {@code qnorm(0.975)}. */
	public static final double Z95 = 1.959963984540054;
}
