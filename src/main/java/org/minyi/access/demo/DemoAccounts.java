package org.minyi.access.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.minyi.access.Role;
import org.minyi.org.UnitManagement;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
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

	private final JdbcClient jdbc;

	private final UnitManagement units;

	private final PasswordEncoder encoder;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DemoAccounts(JdbcClient jdbc, UnitManagement units, PasswordEncoder encoder, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
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
			if (exists(demo.username())) {
				continue;
			}
			hash = hash == null ? encoder.encode(DEMO_PASSWORD) : hash;
			long unitId = units.findByCode(demo.unitCode()).orElseThrow().id();
			long id = insert(demo, unitId, hash);
			events.publishEvent(AuditEvent.of("account.create", "account", id,
					"username=" + demo.username() + ", role=" + demo.role() + ", unit=" + unitId + ", enabled=true"));
			created++;
		}
		if (created > 0) {
			log.info("Demo accounts created ({}); demo-only password, see README", created);
		}
	}

	private boolean exists(String username) {
		return jdbc.sql("select count(*) from account where username = :username").param("username", username).query(Long.class).single() > 0;
	}

	/**
	 * Written straight into the module's own table: a demo account has the known password and need
	 * not change it at the first login, which {@code AccountManagement} never allows (no production
	 * path creates a known password), so that nothing of the kind has to be public.
	 */
	private long insert(Demo demo, long unitId, String hash) {
		Instant now = clock.instant();
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into account (username, display_name, password_hash, role, unit_id, enabled, must_change_password,
				  password_changed_at, created_at, updated_at, version)
				values (:username, :displayName, :hash, :role, :unit, true, false, :now, :now, :now, 0)""")
			.param("username", demo.username())
			.param("displayName", demo.displayName())
			.param("hash", hash)
			.param("role", demo.role().name())
			.param("unit", unitId)
			.param("now", SqlTimes.bind(now))
			.update(key, "id");
		return key.getKey().longValue();
	}
}
