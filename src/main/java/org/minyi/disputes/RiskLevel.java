package org.minyi.disputes;

/** How likely a dispute is to turn into violence or a mass incident; high risk goes to the district at once. */
public enum RiskLevel {

	LOW, MEDIUM, HIGH;

	public String messageKey() {
		return "disputes.risk." + name();
	}
}
