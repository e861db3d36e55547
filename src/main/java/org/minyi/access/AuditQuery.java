package org.minyi.access;

import java.time.Instant;

/** Filters of the audit-trail page; every field optional. */
public record AuditQuery(Instant from, Instant to, String username, String action, String targetType, String targetId) {
}
