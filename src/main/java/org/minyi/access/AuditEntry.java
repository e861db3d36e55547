package org.minyi.access;

import java.time.Instant;

/** One recorded action of the audit trail. */
public record AuditEntry(long id, Instant occurredAt, String username, String role, Long unitId, String clientIp,
		String action, String targetType, String targetId, String summary, String previousHash, String hash) {
}
