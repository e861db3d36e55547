package org.minyi.access;

import java.time.Instant;

/** An account as pages and other modules see it (never the password hash). */
public record AccountView(long id, String username, String displayName, Role role, long unitId, boolean enabled,
		boolean locked, boolean mustChangePassword, Instant lastLoginAt, Instant createdAt) {
}
