package org.minyi.disputes;

/** Where a dispute goes when mediation does not settle it. */
public enum Referral {

	LITIGATION, ARBITRATION, OTHER_BODY;

	public String messageKey() {
		return "disputes.referral." + name();
	}
}
