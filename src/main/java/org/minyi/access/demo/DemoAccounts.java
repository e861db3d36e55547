package org.minyi.access.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.minyi.access.Role;
import org.minyi.org.UnitManagement;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.tabular.TabularReader;
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
		for (Demo demo : accounts()) {
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

	/** The demo's people, with realistic names, from {@code demo/accounts.csv}. */
	private static List<Demo> accounts() {
		return TabularReader.bundled("demo/accounts.csv").stream()
			.map(row -> new Demo(row.cell(0), row.cell(1), Role.valueOf(row.cell(2)), row.cell(3)))
			.toList();
	}
}
