package org.minyi.access;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.HttpServletRequest;

import org.minyi.platform.SqlTimes;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.crypto.SecretKeys;
import org.minyi.platform.security.CurrentUser;
import org.minyi.platform.PageRequest;
import org.minyi.platform.PageResult;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit trail. Each entry carries an HMAC-SHA256 over its content and the
 * previous entry's hash, keyed with a secret outside the database, so that altering, inserting
 * or removing a row is detected by {@link #verify()} and cannot be hidden by recomputing hashes
 * without the key. Appends are serialised by locking the single chain-head row, and run in the
 * caller's transaction: a change and its audit entry commit or roll back together.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final String COLUMNS = "id, occurred_at, username, role, unit_id, client_ip, action, target_type, "
			+ "target_id, summary, previous_hash, hash";

	private final JdbcClient jdbc;

	private final SecretKeys keys;

	private final AccessProperties properties;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, SecretKeys keys, AccessProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.properties = properties;
		this.clock = clock;
	}

	/** Records an event published by any module, attributed to the signed-in user (or the system). */
	@EventListener
	@Transactional
	void on(AuditEvent event) {
		append(event, CurrentUser.get().orElse(null));
	}

	@Transactional
	public void append(AuditEvent event, CurrentUser actor) {
		Map<String, Object> head = jdbc.sql("select last_entry_id, last_hash from audit_chain_head where id = 1 for update")
			.query()
			.singleRow();
		String previous = (String) head.get("last_hash");
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditEntry draft = new AuditEntry(0, now, actor == null ? null : actor.username(),
				actor == null ? null : actor.roleName(), actor == null ? null : actor.unitId(), clientIp(),
				event.action(), event.targetType(), event.targetId(), event.summary(), previous, null);
		String hash = hash(draft);
		KeyHolder generated = new GeneratedKeyHolder();
		jdbc.sql("insert into audit_entry (occurred_at, username, role, unit_id, client_ip, action, target_type, "
				+ "target_id, summary, previous_hash, hash) values (:at, :username, :role, :unit, :ip, :action, :type, "
				+ ":target, :summary, :previous, :hash)")
			.param("at", SqlTimes.bind(now))
			.param("username", draft.username())
			.param("role", draft.role())
			.param("unit", draft.unitId())
			.param("ip", draft.clientIp())
			.param("action", draft.action())
			.param("type", draft.targetType())
			.param("target", draft.targetId())
			.param("summary", draft.summary())
			.param("previous", previous)
			.param("hash", hash)
			.update(generated, "id");
		long id = generated.getKey().longValue();
		jdbc.sql("update audit_chain_head set last_entry_id = :id, last_hash = :hash where id = 1")
			.param("id", id)
			.param("hash", hash)
			.update();
	}

	@Transactional(readOnly = true)
	public PageResult<AuditEntry> search(AuditQuery query, PageRequest page) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		filters(query, where, params);
		long total = jdbc.sql("select count(*) from audit_entry" + where).params(params).query(Long.class).single();
		List<AuditEntry> items = jdbc
			.sql("select " + COLUMNS + " from audit_entry" + where + " order by id desc limit :limit offset :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(AuditTrail::row)
			.list();
		return new PageResult<>(items, page.page(), page.size(), total);
	}

	/** Streams every matching entry, newest first, for the Excel export. */
	@Transactional(readOnly = true)
	public void forEach(AuditQuery query, Consumer<AuditEntry> consumer) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		Map<String, Object> params = new LinkedHashMap<>();
		filters(query, where, params);
		try (var entries = jdbc.sql("select " + COLUMNS + " from audit_entry" + where + " order by id desc")
			.params(params)
			.withFetchSize(1000)
			.query(AuditTrail::row)
			.stream()) {
			entries.forEach(consumer);
		}
	}

	/** Walks the whole chain from its anchor and reports the first entry that does not fit. */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		Map<String, Object> head = jdbc.sql("select last_entry_id, last_hash, anchor_entry_id, anchor_hash from audit_chain_head where id = 1")
			.query()
			.singleRow();
		String expectedPrevious = (String) head.get("anchor_hash");
		Long anchor = head.get("anchor_entry_id") == null ? null : ((Number) head.get("anchor_entry_id")).longValue();
		long checked = 0;
		long lastId = 0;
		boolean first = true;
		while (true) {
			List<AuditEntry> batch = jdbc.sql("select " + COLUMNS + " from audit_entry where id > :after order by id limit 5000")
				.param("after", lastId)
				.query(AuditTrail::row)
				.list();
			for (AuditEntry entry : batch) {
				if (first && anchor != null && entry.id() != anchor) {
					return ChainVerification.broken(checked, entry.id(), "audit.verify.missing");
				}
				first = false;
				if (!entry.previousHash().equals(expectedPrevious)) {
					return ChainVerification.broken(checked, entry.id(), "audit.verify.missing");
				}
				if (!hash(entry).equals(entry.hash())) {
					return ChainVerification.broken(checked, entry.id(), "audit.verify.altered");
				}
				expectedPrevious = entry.hash();
				lastId = entry.id();
				checked++;
			}
			if (batch.size() < 5000) {
				break;
			}
		}
		Long headId = head.get("last_entry_id") == null ? null : ((Number) head.get("last_entry_id")).longValue();
		if (!expectedPrevious.equals(head.get("last_hash")) || (headId != null && headId != lastId)) {
			return ChainVerification.broken(checked, headId, "audit.verify.truncated");
		}
		return ChainVerification.intact(checked);
	}

	/**
	 * Daily purge of entries older than the retention period. The first remaining entry becomes
	 * the chain's anchor, and the purge itself is recorded.
	 */
	@Scheduled(cron = "${minyi.access.audit-purge-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	@Transactional
	public int purgeExpired() {
		jdbc.sql("select id from audit_chain_head where id = 1 for update").query(Long.class).single();
		Instant cutoff = clock.instant().minus(properties.auditRetentionDays(), ChronoUnit.DAYS);
		Long oldest = jdbc.sql("select min(id) from audit_entry").query(Long.class).optional().orElse(null);
		Map<String, Object> keep = jdbc.sql("select id, previous_hash from audit_entry where occurred_at >= :cutoff order by id limit 1")
			.param("cutoff", SqlTimes.bind(cutoff))
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(null);
		if (oldest == null || keep == null || ((Number) keep.get("id")).longValue() == oldest) {
			return 0;
		}
		long keepId = ((Number) keep.get("id")).longValue();
		int purged = jdbc.sql("delete from audit_entry where id < :keep").param("keep", keepId).update();
		jdbc.sql("update audit_chain_head set anchor_entry_id = :id, anchor_hash = :hash where id = 1")
			.param("id", keepId)
			.param("hash", keep.get("previous_hash"))
			.update();
		append(AuditEvent.of("audit.purge", "audit_entry", keepId, "purged=" + purged + ", retentionDays="
				+ properties.auditRetentionDays()), null);
		return purged;
	}

	private static void filters(AuditQuery query, StringBuilder where, Map<String, Object> params) {
		if (query.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", SqlTimes.bind(query.from()));
		}
		if (query.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", SqlTimes.bind(query.to()));
		}
		addEquals("username", query.username(), where, params);
		addEquals("action", query.action(), where, params);
		addEquals("target_type", query.targetType(), where, params);
		addEquals("target_id", query.targetId(), where, params);
	}

	private static void addEquals(String column, String value, StringBuilder where, Map<String, Object> params) {
		if (value != null && !value.isBlank()) {
			where.append(" and ").append(column).append(" = :").append(column);
			params.put(column, value.strip());
		}
	}

	String hash(AuditEntry entry) {
		String canonical = String.join("\u001f", entry.occurredAt().toString(), nullSafe(entry.username()),
				nullSafe(entry.role()), entry.unitId() == null ? "" : entry.unitId().toString(), nullSafe(entry.clientIp()),
				entry.action(), nullSafe(entry.targetType()), nullSafe(entry.targetId()), nullSafe(entry.summary()),
				entry.previousHash());
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(keys.get("audit"), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException e) {
			throw new IllegalStateException("HmacSHA256 unavailable", e);
		}
	}

	private static String nullSafe(String text) {
		return text == null ? "" : text;
	}

	private static String clientIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static AuditEntry row(ResultSet rs, int rowNum) throws SQLException {
		return new AuditEntry(rs.getLong("id"), SqlTimes.instant(rs, "occurred_at"),
				rs.getString("username"), rs.getString("role"), rs.getObject("unit_id", Long.class), rs.getString("client_ip"),
				rs.getString("action"), rs.getString("target_type"), rs.getString("target_id"), rs.getString("summary"),
				rs.getString("previous_hash"), rs.getString("hash"));
	}
}
