package org.minyi.outreach;

/** What a request is about; each category has its own answer deadline in working days. */
public enum RequestCategory {

	PUBLIC_SECURITY(3), DISPUTE(5), EDUCATION(10), HEALTH(10), EMPLOYMENT(10), ENVIRONMENT(7), TRAFFIC(7), OTHER(10);

	private final int defaultWorkingDays;

	RequestCategory(int defaultWorkingDays) {
		this.defaultWorkingDays = defaultWorkingDays;
	}

	/** The deadline unless {@code minyi.outreach.sla.<category>} says otherwise. */
	public int defaultWorkingDays() {
		return defaultWorkingDays;
	}

	public String messageKey() {
		return "outreach.category." + name();
	}
}
