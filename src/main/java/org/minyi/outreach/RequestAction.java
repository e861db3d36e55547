package org.minyi.outreach;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.minyi.platform.BusinessRuleException;

/**
 * What can be done to a citizen request, by whom and from which states. The district assigns
 * (and reassigns with a reason), follows up and dismisses with a reason; the unit accepts and
 * resolves with its answer. A follow-up closes the request or, when the resident is not
 * satisfied, reopens it with the unit.
 */
public enum RequestAction {

	ASSIGN(EnumSet.of(RequestStatus.RECEIVED, RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, RequestStatus.REOPENED), true),
	ACCEPT(EnumSet.of(RequestStatus.ASSIGNED), false),
	RESOLVE(EnumSet.of(RequestStatus.ASSIGNED, RequestStatus.IN_PROGRESS, RequestStatus.REOPENED), false),
	FOLLOW_UP(EnumSet.of(RequestStatus.RESOLVED), true),
	DISMISS(EnumSet.of(RequestStatus.RECEIVED, RequestStatus.ASSIGNED), true);

	private final Set<RequestStatus> from;

	private final boolean byDistrict;

	RequestAction(Set<RequestStatus> from, boolean byDistrict) {
		this.from = from;
		this.byDistrict = byDistrict;
	}

	/**
	 * The status after this action from {@code status}; refused when the status does not allow it.
	 *
	 * @param satisfaction what the resident said, for a follow-up (ignored otherwise)
	 */
	public RequestStatus next(RequestStatus status, Satisfaction satisfaction) {
		if (!from.contains(status)) {
			throw BusinessRuleException.of("outreach.request.error.transition");
		}
		return switch (this) {
			case ASSIGN -> RequestStatus.ASSIGNED;
			case ACCEPT -> RequestStatus.IN_PROGRESS;
			case RESOLVE -> RequestStatus.RESOLVED;
			case FOLLOW_UP -> {
				if (satisfaction == null) {
					throw new BusinessRuleException("satisfaction", "outreach.request.error.satisfaction");
				}
				yield satisfaction.content() ? RequestStatus.CLOSED : RequestStatus.REOPENED;
			}
			case DISMISS -> RequestStatus.DISMISSED;
		};
	}

	public boolean allowedFrom(RequestStatus status) {
		return from.contains(status);
	}

	/** Done by the district rather than by the unit the request is assigned to. */
	public boolean byDistrict() {
		return byDistrict;
	}

	/**
	 * Whether a comment is required from this status: the answer when resolving, the reason when
	 * dismissing or when taking a request from the unit it was given to.
	 */
	public boolean needsComment(RequestStatus status) {
		return this == RESOLVE || this == DISMISS || (this == ASSIGN && status != RequestStatus.RECEIVED);
	}

	/** The action's name in the audit trail, e.g. {@code outreach.request.resolve}. */
	public String auditAction() {
		return "outreach.request." + name().toLowerCase(Locale.ROOT);
	}

	public String messageKey() {
		return "outreach.action." + name();
	}
}
