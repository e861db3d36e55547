package org.minyi.platform.audit;

import java.util.Objects;

/**
 * Published by any module (through {@code ApplicationEventPublisher}) for every write that
 * matters; the access module appends it to the hash-chained audit trail in the same
 * transaction, adding who, when, unit and client address. The summary is short, human-readable
 * and must not contain personal data in clear (mask it).
 *
 * @param action     what happened, dotted lower case, e.g. {@code unit.create}
 * @param targetType the kind of record, e.g. {@code unit}
 * @param targetId   the record's id
 * @param summary    small before/after description, at most 2,000 characters
 */
public record AuditEvent(String action, String targetType, String targetId, String summary) {

	public AuditEvent {
		Objects.requireNonNull(action, "action");
		if (summary != null && summary.length() > 2000) {
			summary = summary.substring(0, 1997) + "...";
		}
	}

	public static AuditEvent of(String action, String targetType, Object targetId, String summary) {
		return new AuditEvent(action, targetType, targetId == null ? null : String.valueOf(targetId), summary);
	}
}
