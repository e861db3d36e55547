package org.minyi.outreach;

import java.time.Instant;
import java.time.LocalDate;

import org.minyi.platform.BusinessRuleException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A citizen request's lifecycle: the district assigns it (and reassigns it with a reason), the unit
 * accepts and answers it, the district follows it up with the resident — closed when satisfied,
 * reopened with a new deadline when not — or dismisses it with a reason. Each step checks the
 * request's status ({@link RequestAction}) and what it must record, and returns the event it
 * causes. What the request is about (text, contact) is written at intake and never here.
 */
@Table("citizen_request")
class CitizenRequest {

	private static final int MAX_COMMENT = 2000;

	@Id
	private Long id;

	@ReadOnlyProperty
	private String reference;

	@ReadOnlyProperty
	private String title;

	@ReadOnlyProperty
	private String contactPhoneSealed;

	private Long unitId;

	private RequestStatus status;

	private LocalDate dueDate;

	private int reopened;

	private Instant resolvedAt;

	private String resolution;

	private Instant firstResolvedAt;

	private Boolean answeredInTime;

	private Instant followedUpAt;

	private Satisfaction satisfaction;

	private Instant closedAt;

	@Version
	private Integer version;

	CitizenRequest() {
	}

	/**
	 * Takes the step and returns its event (none for the unit's acceptance).
	 *
	 * @param unitId the unit an assignment gives the request to (checked by the caller to be active and in scope)
	 * @param satisfaction the resident's answer to a follow-up call
	 * @param reopenedDue the deadline should the follow-up reopen the request
	 */
	RequestNoticeEvent act(RequestAction action, Long unitId, String comment, Satisfaction satisfaction, LocalDate today,
			LocalDate reopenedDue, Instant now) {
		RequestStatus next = action.next(status, satisfaction);
		String given = comment(action, comment);
		switch (action) {
			case ASSIGN -> {
				if (unitId == null) {
					throw new BusinessRuleException("unitId", "outreach.request.error.unit");
				}
				this.unitId = unitId;
			}
			case ACCEPT -> {
			}
			case RESOLVE -> {
				if (!contactable()) {
					// nobody to call back: an anonymous request is closed with its answer
					next = RequestStatus.CLOSED;
				}
				resolvedAt = now;
				resolution = given;
				if (firstResolvedAt == null) {
					firstResolvedAt = now;
					answeredInTime = !today.isAfter(dueDate);
				}
			}
			case FOLLOW_UP -> {
				followedUpAt = now;
				this.satisfaction = satisfaction;
				if (next == RequestStatus.REOPENED) {
					dueDate = reopenedDue;
					reopened++;
				}
			}
			case DISMISS -> {
			}
		}
		if (next == RequestStatus.CLOSED || next == RequestStatus.DISMISSED) {
			closedAt = now;
		}
		status = next;
		return event();
	}

	/** The answer when resolving, the reason when dismissing or when taking a request from the unit it was given to. */
	private String comment(RequestAction action, String comment) {
		String given = comment == null || comment.isBlank() ? null : comment.strip();
		if (action.needsComment(status) && given == null) {
			throw new BusinessRuleException("comment", "outreach.request.error.comment");
		}
		if (given != null && given.length() > MAX_COMMENT) {
			throw new BusinessRuleException("comment", "outreach.request.error.commentLength");
		}
		return given;
	}

	/** What the step just taken means for others; the reference carries the version the step saves. */
	private RequestNoticeEvent event() {
		RequestRef ref = new RequestRef(id, reference, title, unitId, dueDate, version + 1);
		return switch (status) {
			case ASSIGNED -> new RequestAssigned(ref);
			case RESOLVED -> new RequestAnswered(ref);
			case REOPENED -> new RequestReopened(ref);
			case CLOSED, DISMISSED -> new RequestClosed(ref, status);
			case RECEIVED, IN_PROGRESS -> null;
		};
	}

	/** Refuses a step taken on a copy of the request older than this one (someone else moved it meanwhile). */
	void expectVersion(int seen) {
		if (version != seen) {
			throw BusinessRuleException.of("outreach.request.error.stale");
		}
	}

	boolean contactable() {
		return contactPhoneSealed != null;
	}

	RequestStatus status() {
		return status;
	}

	Long unitId() {
		return unitId;
	}
}
