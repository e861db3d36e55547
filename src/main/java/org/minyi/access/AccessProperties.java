package org.minyi.access;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login policy and audit settings under {@code minyi.access}.
 *
 * @param maxFailedLogins       failed logins in a row that lock an account
 * @param lockout               how long a locked account stays locked
 * @param maxSessionsPerUser    concurrent sessions per account; the oldest is ended beyond it
 * @param passwordHistory       how many previous passwords may not be reused
 * @param auditRetentionDays    audit entries older than this are purged (at least 184)
 * @param initialAdminPassword  optional one-time password for the first system admin (from the environment)
 */
@ConfigurationProperties("minyi.access")
public record AccessProperties(@DefaultValue("5") int maxFailedLogins, @DefaultValue("15m") Duration lockout,
		@DefaultValue("2") int maxSessionsPerUser, @DefaultValue("5") int passwordHistory,
		@DefaultValue("365") int auditRetentionDays, String initialAdminPassword) {

	public AccessProperties {
		if (auditRetentionDays < 184) {
			throw new IllegalArgumentException("minyi.access.audit-retention-days must be at least 184");
		}
	}
}
