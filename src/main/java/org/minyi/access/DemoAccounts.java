package org.minyi.access;

import java.time.Clock;
import java.util.List;

import org.minyi.org.UnitManagement;
import org.minyi.platform.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One account per role for the {@code demo} profile, all with the demo-only password documented
 * in the README. Never active outside the demo profile.
 */
@Component
@Profile("demo")
@Order(25)
class DemoAccounts implements ApplicationRunner {

	static final String DEMO_PASSWORD = "Minyi@Demo2026";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private record Demo(String username, String displayName, Role role, String unitCode) {
	}

	private static final List<Demo> ACCOUNTS = List.of(
			new Demo("sysadmin", "sysadmin", Role.SYSTEM_ADMIN, "YJ"),
			new Demo("secadmin", "secadmin", Role.SECURITY_ADMIN, "YJ"),
			new Demo("auditor", "auditor", Role.AUDITOR, "YJ"),
			new Demo("district", "district", Role.DISTRICT_ADMIN, "YJZFW"),
			new Demo("leader", "leader", Role.LEADER, "YJ"),
			new Demo("supervisor", "supervisor", Role.SURVEY_SUPERVISOR, "YJZFW"),
			new Demo("interviewer", "interviewer", Role.INTERVIEWER, "YJZFW"),
			new Demo("interviewer2", "interviewer2", Role.INTERVIEWER, "YJZFW"),
			new Demo("interviewer3", "interviewer3", Role.INTERVIEWER, "YJZFW"),
			new Demo("officer", "officer", Role.UNIT_OFFICER, "YJCG"),
			new Demo("officer2", "officer2", Role.UNIT_OFFICER, "YJHK"));

	private final AccountRepository accounts;

	private final UnitManagement units;

	private final PasswordEncoder encoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DemoAccounts(AccountRepository accounts, UnitManagement units, PasswordEncoder encoder,
			ApplicationEventPublisher events, Clock clock) {
		this.accounts = accounts;
		this.units = units;
		this.encoder = encoder;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		String hash = null;
		int created = 0;
		for (Demo demo : ACCOUNTS) {
			if (accounts.findByUsername(demo.username()).isPresent()) {
				continue;
			}
			hash = hash == null ? encoder.encode(DEMO_PASSWORD) : hash;
			long unitId = units.findByCode(demo.unitCode()).orElseThrow().id();
			Account account = Account.create(demo.username(), demo.displayName(), demo.role(), unitId, hash, clock.instant());
			account.changePassword(hash, false, clock.instant());
			account = accounts.save(account);
			events.publishEvent(AuditEvent.of("account.create", "account", account.id(), account.auditSummary()));
			created++;
		}
		if (created > 0) {
			log.info("Demo accounts created ({}); demo-only password, see README", created);
		}
	}
}
