package org.minyi.access;

import java.time.Duration;
import java.time.Instant;

import org.minyi.platform.BusinessRuleException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/** A user account; owns its lockout and password-change state. */
class Account {

	@Id
	private Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	private Role role;

	private long unitId;

	private boolean enabled;

	private boolean mustChangePassword;

	private int failedAttempts;

	private Instant lockedUntil;

	private Instant passwordChangedAt;

	private Instant lastLoginAt;

	private String email;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Integer version;

	Account() {
	}

	/** A new account must change its (one-time) password at first login. */
	static Account create(String username, String displayName, Role role, long unitId, String passwordHash, Instant now) {
		Account account = new Account();
		account.username = username;
		account.displayName = displayName;
		account.role = role;
		account.unitId = unitId;
		account.passwordHash = passwordHash;
		account.enabled = true;
		account.mustChangePassword = true;
		account.createdAt = now;
		account.updatedAt = now;
		return account;
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	/** Counts a failed login; returns true when this failure locked the account. */
	boolean recordFailedLogin(int maxFailures, Duration lockout, Instant now) {
		failedAttempts++;
		updatedAt = now;
		if (failedAttempts >= maxFailures) {
			failedAttempts = 0;
			lockedUntil = now.plus(lockout);
			return true;
		}
		return false;
	}

	void recordLogin(Instant now) {
		failedAttempts = 0;
		lockedUntil = null;
		lastLoginAt = now;
	}

	void unlock(Instant now) {
		failedAttempts = 0;
		lockedUntil = null;
		updatedAt = now;
	}

	void changePassword(String newHash, boolean temporary, Instant now) {
		passwordHash = newHash;
		mustChangePassword = temporary;
		passwordChangedAt = now;
		updatedAt = now;
	}

	void setEnabled(boolean enabled, Instant now) {
		if (this.enabled == enabled) {
			throw BusinessRuleException.of(enabled ? "account.error.alreadyEnabled" : "account.error.alreadyDisabled");
		}
		this.enabled = enabled;
		updatedAt = now;
	}

	void assign(String displayName, Role role, long unitId, Instant now) {
		this.displayName = displayName;
		this.role = role;
		this.unitId = unitId;
		this.updatedAt = now;
	}

	void changeEmail(String email, Instant now) {
		this.email = email;
		this.updatedAt = now;
	}

	String auditSummary() {
		return "username=" + username + ", role=" + role + ", unit=" + unitId + ", enabled=" + enabled;
	}

	AccountView view(Instant now) {
		return new AccountView(id, username, displayName, role, unitId, enabled, isLocked(now), mustChangePassword,
				lastLoginAt, createdAt);
	}

	Long id() {
		return id;
	}

	String username() {
		return username;
	}

	String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	String email() {
		return email;
	}

	Role role() {
		return role;
	}

	long unitId() {
		return unitId;
	}

	boolean enabled() {
		return enabled;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}
}
