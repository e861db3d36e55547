package org.minyi.platform.personal;

/**
 * A module's table of values sealed with {@link PersonalData}. When the personal-data key is rotated,
 * every store re-seals its values under the new key ({@link PersonalKeyRotation}).
 */
public interface SealedStore {

	/** What the store holds, for the log and the audit trail, e.g. {@code frame_number}. */
	String name();

	/** Re-seals each value that {@link PersonalData#resealed} returns a new form for; returns how many. */
	int reseal(PersonalData personalData);
}
