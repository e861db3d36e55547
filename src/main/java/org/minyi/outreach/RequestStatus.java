package org.minyi.outreach;

import java.util.EnumSet;
import java.util.Set;

/** Where a citizen request stands. */
public enum RequestStatus {

	/** Came in without a unit (the public form): the district triages it. */
	RECEIVED,
	ASSIGNED,
	IN_PROGRESS,
	/** The unit answered; the follow-up call is due. */
	RESOLVED,
	/** The resident was not satisfied: back with the unit. */
	REOPENED,
	/** Followed up and the resident satisfied or basically satisfied. */
	CLOSED,
	/** Not a request (spam, duplicate, outside any unit's remit), with the reason. */
	DISMISSED;

	/** The states in which the unit owes an answer. */
	public static final Set<RequestStatus> WITH_UNIT = EnumSet.of(ASSIGNED, IN_PROGRESS, REOPENED);

	public boolean open() {
		return this != CLOSED && this != DISMISSED;
	}

	public String messageKey() {
		return "outreach.status." + name();
	}
}
