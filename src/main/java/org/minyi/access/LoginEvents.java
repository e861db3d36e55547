package org.minyi.access;

import java.time.Clock;

import org.minyi.platform.audit.AuditEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Audits every login, logout, failed login and lockout, and keeps the failure count that locks
 * an account after too many failures in a row.
 */
@Component
class LoginEvents {

	private final AccountRepository accounts;

	private final AuditTrail audit;

	private final AccessProperties properties;

	private final Clock clock;

	LoginEvents(AccountRepository accounts, AuditTrail audit, AccessProperties properties, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	void succeeded(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof MinyiUser user) {
			accounts.findById(user.accountId()).ifPresent(account -> {
				account.recordLogin(clock.instant());
				accounts.save(account);
			});
			audit.append(AuditEvent.of("login.success", "account", user.accountId(), null), user);
		}
	}

	@EventListener
	@Transactional
	void failed(AbstractAuthenticationFailureEvent event) {
		String username = truncate(String.valueOf(event.getAuthentication().getPrincipal()));
		String reason = event.getException().getClass().getSimpleName();
		var account = accounts.findByUsername(username);
		audit.append(AuditEvent.of("login.failure", "account", account.map(Account::id).orElse(null),
				"username=" + username + ", reason=" + reason), null);
		if (event instanceof AuthenticationFailureBadCredentialsEvent && account.isPresent()) {
			Account locked = account.get();
			if (locked.recordFailedLogin(properties.maxFailedLogins(), properties.lockout(), clock.instant())) {
				audit.append(AuditEvent.of("login.lockout", "account", locked.id(),
						"username=" + username + ", minutes=" + properties.lockout().toMinutes()), null);
			}
			accounts.save(locked);
		}
	}

	@EventListener
	void loggedOut(LogoutSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof MinyiUser user) {
			audit.append(AuditEvent.of("logout", "account", user.accountId(), null), user);
		}
	}

	private static String truncate(String username) {
		return username.length() > 50 ? username.substring(0, 50) : username;
	}
}
