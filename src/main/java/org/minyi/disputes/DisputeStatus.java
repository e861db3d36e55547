package org.minyi.disputes;

/** Where a dispute stands. */
public enum DisputeStatus {

	RECEIVED,
	MEDIATING,
	/** Settled by an agreement; whether it is kept is followed up. */
	AGREED,
	/** Settled in part; the rest may still be referred. */
	PARTIALLY_AGREED,
	/** Not settled by mediation: passed to a court, arbitration or another body. */
	REFERRED,
	/** The agreement was kept. */
	CLOSED,
	/** The parties withdrew. */
	WITHDRAWN;

	public boolean open() {
		return this == RECEIVED || this == MEDIATING || this == AGREED || this == PARTIALLY_AGREED;
	}

	public String messageKey() {
		return "disputes.status." + name();
	}
}
