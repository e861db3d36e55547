package org.minyi.outreach;

/** How a request came in. */
public enum RequestSource {

	/** Raised to a cadre on a visit. */
	VISIT,
	/** Taken on the hotline and entered by staff. */
	HOTLINE,
	/** The public web form (the district's "direct line"). */
	WEB_FORM,
	/** A survey's open-text answer chosen by staff. */
	SURVEY;

	public String messageKey() {
		return "outreach.source." + name();
	}
}
