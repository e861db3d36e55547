package org.minyi.disputes;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.minyi.platform.BusinessRuleException;

/**
 * What can be done to a dispute and from which states. Mediation starts with its type and mediator;
 * it ends in an agreement, a partial agreement, or a referral; an agreement is followed up until it
 * is kept (closed) or, broken, referred. The parties may withdraw before an outcome.
 */
public enum DisputeAction {

	START_MEDIATION(EnumSet.of(DisputeStatus.RECEIVED), DisputeStatus.MEDIATING),
	AGREE(EnumSet.of(DisputeStatus.MEDIATING), DisputeStatus.AGREED),
	AGREE_IN_PART(EnumSet.of(DisputeStatus.MEDIATING), DisputeStatus.PARTIALLY_AGREED),
	REFER(EnumSet.of(DisputeStatus.MEDIATING, DisputeStatus.AGREED, DisputeStatus.PARTIALLY_AGREED), DisputeStatus.REFERRED),
	CONFIRM_FULFILMENT(EnumSet.of(DisputeStatus.AGREED, DisputeStatus.PARTIALLY_AGREED), DisputeStatus.CLOSED),
	WITHDRAW(EnumSet.of(DisputeStatus.RECEIVED, DisputeStatus.MEDIATING), DisputeStatus.WITHDRAWN);

	private final Set<DisputeStatus> from;

	private final DisputeStatus to;

	DisputeAction(Set<DisputeStatus> from, DisputeStatus to) {
		this.from = from;
		this.to = to;
	}

	/** The status after this action; refused when the dispute's status does not allow it. */
	public DisputeStatus from(DisputeStatus status) {
		if (!from.contains(status)) {
			throw BusinessRuleException.of("disputes.error.transition");
		}
		return to;
	}

	public boolean allowedFrom(DisputeStatus status) {
		return from.contains(status);
	}

	/** The terms agreed, the reason for withdrawing, or what became of a referral must be written down. */
	public boolean needsComment() {
		return this == AGREE || this == AGREE_IN_PART || this == REFER || this == WITHDRAW;
	}

	public String auditAction() {
		return "disputes." + name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "disputes.action." + name();
	}
}
