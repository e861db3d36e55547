package org.minyi.org;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** One cell of the gender × age-group population table. */
public record PopulationCell(Gender gender, AgeGroup ageGroup) {

	public PopulationCell {
		Objects.requireNonNull(gender, "gender");
		Objects.requireNonNull(ageGroup, "ageGroup");
	}

	/** All eight cells in a fixed order (men by age, then women by age), as in forms and files. */
	public static List<PopulationCell> all() {
		List<PopulationCell> cells = new ArrayList<>();
		for (Gender gender : Gender.values()) {
			for (AgeGroup ageGroup : AgeGroup.values()) {
				cells.add(new PopulationCell(gender, ageGroup));
			}
		}
		return cells;
	}

	/** Stable key for forms and files, e.g. {@code MALE_AGE_18_29}. */
	public String key() {
		return gender.name() + "_" + ageGroup.name();
	}

	/** The key, so that JSON maps keyed by cell read {@code "MALE_AGE_18_29": 123}. */
	@Override
	public String toString() {
		return key();
	}
}
