package org.minyi.outreach;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.TextInput;
import org.minyi.platform.audit.AuditEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kinds of special group the district cares for. Four come with the system (elderly living
 * alone, left-behind children, people with disabilities, others); the district adds its own, renames
 * them, and retires those it no longer registers people under (members keep their kind). A kind's
 * name is data, entered in Chinese with an English name for the English interface.
 */
@Service
@Transactional
public class SpecialGroupKinds {

	public record GroupKind(String code, String name, String nameEn, int position, boolean active) {

		/** The name in the user's language. */
		public String label(Locale locale) {
			return "en".equals(locale.getLanguage()) ? nameEn : name;
		}
	}

	static final int MAX_NAME = 20;

	static final int MAX_NAME_EN = 40;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	SpecialGroupKinds(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Transactional(readOnly = true)
	public List<GroupKind> all() {
		return jdbc.sql("select * from special_group_kind order by position, code")
			.query((rs, n) -> new GroupKind(rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getInt("position"),
					rs.getBoolean("active")))
			.list();
	}

	/** The kinds people may be registered under now. */
	@Transactional(readOnly = true)
	public List<GroupKind> active() {
		return all().stream().filter(GroupKind::active).toList();
	}

	@Transactional(readOnly = true)
	public Optional<GroupKind> find(String code) {
		return all().stream().filter(kind -> kind.code().equals(code)).findFirst();
	}

	/** Every kind's name in the user's language, by code (retired ones too: members keep them). */
	@Transactional(readOnly = true)
	public Map<String, String> labels(Locale locale) {
		return all().stream().collect(Collectors.toMap(GroupKind::code, kind -> kind.label(locale)));
	}

	/** Adds a kind after the others; its code is made from its place ({@code KIND5}, ...). */
	public GroupKind add(String name, String nameEn) {
		Names names = checked(name, nameEn, null);
		int position = jdbc.sql("select coalesce(max(position), 0) + 1 from special_group_kind").query(Integer.class).single();
		String code = "KIND" + position;
		int inserted = jdbc.sql("""
				insert into special_group_kind (code, name, name_en, position, active) values (:code, :name, :nameEn, :position, true)
				on conflict do nothing""")
			.param("code", code)
			.param("name", names.name())
			.param("nameEn", names.nameEn())
			.param("position", position)
			.update();
		if (inserted == 0) {
			throw BusinessRuleException.of("outreach.groupKind.error.busy");
		}
		events.publishEvent(AuditEvent.of("outreach.groupKind.add", "special_group_kind", code, names.name()));
		return find(code).orElseThrow();
	}

	public GroupKind rename(String code, String name, String nameEn) {
		GroupKind kind = existing(code);
		Names names = checked(name, nameEn, code);
		jdbc.sql("update special_group_kind set name = :name, name_en = :nameEn where code = :code")
			.param("name", names.name())
			.param("nameEn", names.nameEn())
			.param("code", code)
			.update();
		events.publishEvent(AuditEvent.of("outreach.groupKind.rename", "special_group_kind", code, kind.name() + " -> " + names.name()));
		return find(code).orElseThrow();
	}

	/** Retires a kind or takes it back into use; the last kind in use cannot be retired. */
	public GroupKind setActive(String code, boolean active) {
		GroupKind kind = existing(code);
		if (!active && kind.active() && active().size() == 1) {
			throw BusinessRuleException.of("outreach.groupKind.error.last");
		}
		jdbc.sql("update special_group_kind set active = :active where code = :code").param("active", active).param("code", code).update();
		events.publishEvent(AuditEvent.of(active ? "outreach.groupKind.activate" : "outreach.groupKind.retire", "special_group_kind", code,
				kind.name()));
		return find(code).orElseThrow();
	}

	private GroupKind existing(String code) {
		return find(code).orElseThrow(() -> new BusinessRuleException("code", "outreach.groupKind.error.unknown"));
	}

	private record Names(String name, String nameEn) {
	}

	/** Both names given and not too long, and neither the name of another kind. */
	private Names checked(String name, String nameEn, String ownCode) {
		String given = TextInput.clean(name, MAX_NAME, "name", "outreach.groupKind.error.name");
		String givenEn = TextInput.clean(nameEn, MAX_NAME_EN, "nameEn", "outreach.groupKind.error.name");
		boolean taken = all().stream().filter(kind -> !kind.code().equals(ownCode))
			.anyMatch(kind -> kind.name().equals(given) || kind.nameEn().equalsIgnoreCase(givenEn));
		if (taken) {
			throw new BusinessRuleException("name", "outreach.groupKind.error.duplicate");
		}
		return new Names(given, givenEn);
	}
}
