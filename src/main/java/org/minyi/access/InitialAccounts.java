package org.minyi.access;

import java.time.Clock;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On the first start (no system admin yet) creates the system administrator {@code sysadmin} at
 * the district root. Its password is taken from {@code minyi.access.initial-admin-password}
 * (environment {@code MINYI_ACCESS_INITIAL_ADMIN_PASSWORD}) or generated and printed once to the
 * log; either way it must be changed at the first login. No known password is ever created.
 */
@Component
@Order(30)
class InitialAccounts implements ApplicationRunner {

	static final String ADMIN_USERNAME = "sysadmin";

	private static final Logger log = LoggerFactory.getLogger(InitialAccounts.class);

	private final AccountRepository accounts;

	private final UnitManagement units;

	private final PasswordEncoder encoder;

	private final AccessProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InitialAccounts(AccountRepository accounts, UnitManagement units, PasswordEncoder encoder,
			AccessProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.units = units;
		this.encoder = encoder;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (accounts.existsByRole(Role.SYSTEM_ADMIN)) {
			return;
		}
		UnitView root = units.root().orElseThrow(() -> new IllegalStateException("district root missing"));
		String given = properties.initialAdminPassword();
		String password = given == null || given.isBlank() ? PasswordPolicy.generate() : given;
		Account admin = accounts.save(Account.create(ADMIN_USERNAME, ADMIN_USERNAME, Role.SYSTEM_ADMIN, root.id(),
				encoder.encode(password), clock.instant()));
		events.publishEvent(AuditEvent.of("account.create", "account", admin.id(), admin.auditSummary()));
		if (given == null || given.isBlank()) {
			log.warn("\n\n    First start: created system administrator '{}' with one-time password: {}\n"
					+ "    It must be changed at the first login. This is the only time it is shown.\n", ADMIN_USERNAME,
					password);
		}
		else {
			log.warn("First start: created system administrator '{}' with the configured one-time password", ADMIN_USERNAME);
		}
	}
}
