package org.minyi.org;

/** Residents of one gender and age group in a unit; part of the {@link Unit} aggregate. */
record PopulationFigure(Gender gender, AgeGroup ageGroup, int population) {
}
