package org.minyi.survey;

/**
 * Whether a unit code is an acceptable answer to a residence question (a township of the
 * district, or a community of the township answered before). Supplied by the caller, who knows
 * the unit tree.
 */
@FunctionalInterface
interface ResidenceCheck {

	boolean accepts(Question question, String unitCode, Answers answers);
}
