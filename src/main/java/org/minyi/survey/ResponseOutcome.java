package org.minyi.survey;

/** What a submitted response is: a complete interview, or one ended by a screening answer. */
public enum ResponseOutcome {

	COMPLETE, SCREENED_OUT
}
