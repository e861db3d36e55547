package org.minyi.survey;

/** Draft versions may change; published versions never do. */
public enum InstrumentStatus {

	DRAFT, PUBLISHED;

	public String messageKey() {
		return "instrument.status." + name();
	}
}
