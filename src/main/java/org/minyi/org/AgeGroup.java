package org.minyi.org;

/** Adult age groups of the standard instrument (question D2). */
public enum AgeGroup {

	AGE_18_29, AGE_30_44, AGE_45_59, AGE_60_PLUS;

	public String messageKey() {
		return "ageGroup." + name();
	}
}
