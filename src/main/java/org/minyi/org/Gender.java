package org.minyi.org;

/** Gender as used in population figures, quotas and weighting (instrument question D1). */
public enum Gender {

	MALE, FEMALE;

	public String messageKey() {
		return "gender." + name();
	}
}
