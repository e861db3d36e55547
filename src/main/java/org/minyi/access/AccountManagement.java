package org.minyi.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.minyi.org.UnitManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration under the separation of duties: an actor manages only accounts whose
 * role is in {@link Role#manageableRoles()} of the actor's role. Every change is audited.
 */
@Service
@Transactional
public class AccountManagement {

	/** A plain address: local part, @, a domain with a dot; no spaces, no display name. */
	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");

	private final AccountRepository accounts;

	private final UnitManagement units;

	private final PasswordEncoder encoder;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final AccessProperties properties;

	private final Clock clock;

	AccountManagement(AccountRepository accounts, UnitManagement units, PasswordEncoder encoder, JdbcClient jdbc,
			ApplicationEventPublisher events, AccessProperties properties, Clock clock) {
		this.accounts = accounts;
		this.units = units;
		this.encoder = encoder;
		this.jdbc = jdbc;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** Creates an account with a one-time password, which is returned once and never stored in clear. */
	public CreatedAccount create(Role actor, AccountDraft draft) {
		requireManageable(actor, draft.role());
		if (accounts.findByUsername(draft.username()).isPresent()) {
			throw new BusinessRuleException("username", "account.error.usernameTaken");
		}
		requireActiveUnit(draft.unitId());
		String password = PasswordPolicy.generate();
		Account account = accounts.save(Account.create(draft.username(), draft.displayName().strip(), draft.role(),
				draft.unitId(), encoder.encode(password), now()));
		remember(account);
		events.publishEvent(AuditEvent.of("account.create", "account", account.id(), account.auditSummary()));
		return new CreatedAccount(account.view(now()), password);
	}

	public AccountView update(Role actor, long id, AccountDraft draft) {
		Account account = manageable(actor, id);
		requireManageable(actor, draft.role());
		requireActiveUnit(draft.unitId());
		String before = account.auditSummary();
		account.assign(draft.displayName().strip(), draft.role(), draft.unitId(), now());
		account = accounts.save(account);
		events.publishEvent(AuditEvent.of("account.update", "account", id, "before: " + before + "; after: " + account.auditSummary()));
		return account.view(now());
	}

	public AccountView setEnabled(Role actor, long id, boolean enabled) {
		Account account = manageable(actor, id);
		account.setEnabled(enabled, now());
		account = accounts.save(account);
		events.publishEvent(AuditEvent.of(enabled ? "account.enable" : "account.disable", "account", id, account.auditSummary()));
		return account.view(now());
	}

	public AccountView unlock(Role actor, long id) {
		Account account = manageable(actor, id);
		account.unlock(now());
		account = accounts.save(account);
		events.publishEvent(AuditEvent.of("account.unlock", "account", id, account.auditSummary()));
		return account.view(now());
	}

	/** Sets a new one-time password that must be changed at the next login; returns it once. */
	public CreatedAccount resetPassword(Role actor, long id) {
		Account account = manageable(actor, id);
		String password = PasswordPolicy.generate();
		account.changePassword(encoder.encode(password), true, now());
		account.unlock(now());
		account = accounts.save(account);
		remember(account);
		events.publishEvent(AuditEvent.of("account.resetPassword", "account", id, account.auditSummary()));
		return new CreatedAccount(account.view(now()), password);
	}

	/**
	 * The user's own password change: checks the current password, the policy and the last
	 * passwords. Returns the message keys of what is wrong, empty on success.
	 */
	public List<String> changeOwnPassword(long id, String currentPassword, String newPassword) {
		Account account = accounts.findById(id).orElseThrow(() -> new RecordNotFoundException("account", id));
		if (!encoder.matches(currentPassword, account.passwordHash())) {
			return List.of("password.error.current");
		}
		List<String> problems = PasswordPolicy.violations(newPassword, account.username());
		if (!problems.isEmpty()) {
			return problems;
		}
		if (encoder.matches(newPassword, account.passwordHash())
				|| recentHashes(id).stream().anyMatch(hash -> encoder.matches(newPassword, hash))) {
			return List.of("password.error.reused");
		}
		account.changePassword(encoder.encode(newPassword), false, now());
		account = accounts.save(account);
		remember(account);
		events.publishEvent(AuditEvent.of("account.changePassword", "account", id, "username=" + account.username()));
		return List.of();
	}

	/**
	 * Sets the address the user's notices are e-mailed to; a blank address removes it. Audited with
	 * the address masked (it is the user's own contact).
	 */
	public void changeOwnEmail(long id, String email) {
		String address = email == null || email.isBlank() ? null : email.strip();
		if (address != null && (address.length() > 254 || !EMAIL.matcher(address).matches())) {
			throw new BusinessRuleException("email", "account.error.email");
		}
		Account account = accounts.findById(id).orElseThrow(() -> new RecordNotFoundException("account", id));
		account.changeEmail(address, now());
		accounts.save(account);
		events.publishEvent(AuditEvent.of("account.email", "account", id, address == null ? "email removed" : "email=" + maskEmail(address)));
	}

	@Transactional(readOnly = true)
	public Optional<String> email(long id) {
		return accounts.findById(id).map(Account::email);
	}

	/** The e-mail addresses of those of the enabled accounts named that have one, by username. */
	@Transactional(readOnly = true)
	public Map<String, String> emails(Collection<String> usernames) {
		if (usernames.isEmpty()) {
			return Map.of();
		}
		Map<String, String> emails = new HashMap<>();
		jdbc.sql("select username, email from account where enabled = true and email is not null and username in (:names)")
			.param("names", usernames)
			.query(rs -> {
				emails.put(rs.getString(1), rs.getString(2));
			});
		return emails;
	}

	private static String maskEmail(String address) {
		int at = address.indexOf('@');
		return address.charAt(0) + "***" + address.substring(at);
	}

	/** The enabled account with this username (e.g. the cadre named in a contact assignment). */
	@Transactional(readOnly = true)
	public Optional<AccountView> findEnabled(String username) {
		return accounts.findByUsername(username).filter(Account::enabled).map(a -> a.view(now()));
	}

	@Transactional(readOnly = true)
	public Optional<AccountView> find(long id) {
		return accounts.findById(id).map(a -> a.view(now()));
	}

	/** Usernames of the enabled accounts with one of the roles, in order (e.g. who can be given telephone work). */
	@Transactional(readOnly = true)
	public List<String> enabledUsernames(Collection<Role> roles) {
		if (roles.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select username from account where enabled = true and role in (:roles) order by username")
			.param("roles", roles.stream().map(Role::name).toList())
			.query(String.class)
			.list();
	}

	/** Usernames of the enabled accounts of a unit with the role (e.g. who is told about the unit's tasks). */
	@Transactional(readOnly = true)
	public List<String> enabledUsernames(long unitId, Role role) {
		return jdbc.sql("select username from account where enabled = true and unit_id = :unit and role = :role order by username")
			.param("unit", unitId)
			.param("role", role.name())
			.query(String.class)
			.list();
	}

	/** Accounts the actor may manage, filtered by a text on username or display name. */
	@Transactional(readOnly = true)
	public PageResult<AccountView> list(Role actor, String text, PageRequest page) {
		List<String> roles = actor.manageableRoles().stream().map(Role::name).toList();
		if (roles.isEmpty()) {
			return new PageResult<>(List.of(), page.page(), page.size(), 0);
		}
		String like = "%" + (text == null ? "" : text.strip().toLowerCase()) + "%";
		String where = " where role in (:roles) and (lower(username) like :like or lower(display_name) like :like)";
		long total = jdbc.sql("select count(*) from account" + where).param("roles", roles).param("like", like)
			.query(Long.class).single();
		Instant now = now();
		List<AccountView> items = jdbc.sql("select id, username, display_name, role, unit_id, enabled, locked_until, "
				+ "must_change_password, last_login_at, created_at from account" + where
				+ " order by username limit :limit offset :offset")
			.param("roles", roles).param("like", like).param("limit", page.size()).param("offset", page.offset())
			.query((rs, n) -> {
				Instant lockedUntil = SqlTimes.instant(rs, "locked_until");
				return new AccountView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
						Role.valueOf(rs.getString("role")), rs.getLong("unit_id"), rs.getBoolean("enabled"),
						lockedUntil != null && lockedUntil.isAfter(now), rs.getBoolean("must_change_password"),
						SqlTimes.instant(rs, "last_login_at"), SqlTimes.instant(rs, "created_at"));
			})
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	private Account manageable(Role actor, long id) {
		Account account = accounts.findById(id).filter(a -> actor.manageableRoles().contains(a.role()))
			.orElseThrow(() -> new RecordNotFoundException("account", id));
		return account;
	}

	private static void requireManageable(Role actor, Role role) {
		if (!actor.manageableRoles().contains(role)) {
			throw new BusinessRuleException("role", "account.error.roleNotManageable");
		}
	}

	private void requireActiveUnit(long unitId) {
		if (units.findById(unitId).filter(u -> u.active()).isEmpty()) {
			throw new BusinessRuleException("unitId", "account.error.unitUnknown");
		}
	}

	private List<String> recentHashes(long accountId) {
		return jdbc.sql("select password_hash from password_history where account_id = :id order by created_at desc, id desc limit :n")
			.param("id", accountId)
			.param("n", properties.passwordHistory())
			.query(String.class)
			.list();
	}

	private void remember(Account account) {
		jdbc.sql("insert into password_history (account_id, password_hash, created_at) values (:id, :hash, :at)")
			.param("id", account.id())
			.param("hash", account.passwordHash())
			.param("at", SqlTimes.bind(now()))
			.update();
	}

	private Instant now() {
		return clock.instant();
	}
}
