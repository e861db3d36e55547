package org.minyi.notices;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import tools.jackson.databind.ObjectMapper;

import org.minyi.access.AccountManagement;
import org.minyi.access.Role;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.mail.MailOutbox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice centre: each user's notices, newest first, with the unread count; which kinds a user
 * also receives by e-mail; and, for the events other modules publish, announcing and settling
 * notices ({@link NoticeListener}). Every notice is claimed first in {@code notice_claim} (kind and
 * key), so with several application nodes each notice still goes out once.
 */
@Service
@Transactional
public class Notices {

	private static final Locale MAIL_LOCALE = Locale.SIMPLIFIED_CHINESE;

	/**
	 * A notice as its recipient sees it.
	 *
	 * @param kind the kind's name
	 * @param link the page the notice is about, a path in the app
	 */
	public record Notice(long id, String kind, String link, String messageKey, List<String> arguments, Instant createdAt, boolean read) {
	}

	private final Map<String, NoticeKind> kinds = new LinkedHashMap<>();

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final UnitManagement units;

	private final ObjectMapper json;

	private final MailOutbox mail;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	Notices(List<NoticeKinds> declarations, JdbcClient jdbc, AccountManagement accounts, UnitManagement units, ObjectMapper json,
			MailOutbox mail, MessageSource messages, Clock clock, @Value("${minyi.public-base-url:}") String baseUrl) {
		for (NoticeKind kind : declarations.stream().flatMap(d -> d.kinds().stream()).toList()) {
			if (kinds.putIfAbsent(kind.name(), kind) != null) {
				throw new IllegalStateException("Two modules declare the notice kind " + kind.name());
			}
		}
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.units = units;
		this.json = json;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** The kinds of notice users of the role receive, in the modules' order. */
	@Transactional(readOnly = true)
	public List<NoticeKind> kindsReaching(String roleName) {
		return kinds.values().stream().filter(kind -> kind.reaches(roleName)).toList();
	}

	/** The declared kinds among these names; unknown names are left out. */
	@Transactional(readOnly = true)
	public Set<NoticeKind> kindsNamed(Collection<String> names) {
		Set<NoticeKind> named = new LinkedHashSet<>();
		names.stream().map(kinds::get).filter(kind -> kind != null).forEach(named::add);
		return named;
	}

	/**
	 * Tells whoever the kind is for, in the app and by e-mail to those who chose it, unless the same
	 * notice (kind and key) was sent before.
	 */
	boolean announce(Announcement notice, String link) {
		if (!claim(notice.kind().name() + ":" + notice.key())) {
			return false;
		}
		List<String> recipients = recipients(notice.kind(), notice.unitId());
		List<String> arguments = arguments(notice);
		for (String recipient : recipients) {
			jdbc.sql("""
					insert into notification (recipient, kind, link, message_key, arguments, created_at)
					values (:to, :kind, :link, :key, :arguments, :at)""")
				.param("to", recipient)
				.param("kind", notice.kind().name())
				.param("link", link)
				.param("key", notice.kind().messageKey())
				.param("arguments", json.writeValueAsString(arguments))
				.param("at", SqlTimes.bind(clock.instant()))
				.update();
		}
		if (mail.enabled()) {
			email(notice.kind(), arguments, link, recipients);
		}
		return true;
	}

	private List<String> arguments(Announcement notice) {
		String unitName = notice.unitId() == null ? "" : units.findById(notice.unitId()).map(UnitView::name).orElse("");
		return notice.arguments().stream().map(argument -> Announcement.UNIT_NAME.equals(argument) ? unitName : argument).toList();
	}

	/** Marks as read, for everyone, the unread notices of these kinds about the page. */
	void settle(String link, Set<NoticeKind> settled) {
		if (settled.isEmpty()) {
			return;
		}
		jdbc.sql("update notification set read_at = :at where link = :link and read_at is null and kind in (:kinds)")
			.param("at", SqlTimes.bind(clock.instant()))
			.param("link", link)
			.param("kinds", settled.stream().map(NoticeKind::name).toList())
			.update();
	}

	/** The notice is sent by whoever inserts its claim first (several nodes may run the same job). */
	private boolean claim(String key) {
		return jdbc.sql("insert into notice_claim (notice_key, claimed_at) values (:key, :at) on conflict do nothing")
			.param("key", key)
			.param("at", SqlTimes.bind(clock.instant()))
			.update() == 1;
	}

	private List<String> recipients(NoticeKind kind, Long unitId) {
		return switch (kind.audience()) {
			case DISTRICT -> accounts.enabledUsernames(List.of(Role.DISTRICT_ADMIN));
			case DISTRICT_AND_UNIT_LEADERS -> Stream.concat(accounts.enabledUsernames(List.of(Role.DISTRICT_ADMIN)).stream(),
					unitId == null ? Stream.empty() : accounts.enabledUsernames(unitId, Role.LEADER).stream()).distinct().toList();
			case UNIT -> officersFor(unitId);
		};
	}

	/** The unit's officers or, for a unit without its own (a community), those of the nearest unit above with some. */
	private List<String> officersFor(Long unitId) {
		Optional<UnitView> unit = unitId == null ? Optional.empty() : units.findById(unitId);
		while (unit.isPresent()) {
			List<String> officers = accounts.enabledUsernames(unit.get().id(), Role.UNIT_OFFICER);
			if (!officers.isEmpty()) {
				return officers;
			}
			unit = unit.get().parentId() == null ? Optional.empty() : units.findById(unit.get().parentId());
		}
		return List.of();
	}

	/** The same notice by e-mail (in Chinese, the district's language) to those who chose it and gave an address. */
	private void email(NoticeKind kind, List<String> arguments, String link, List<String> recipients) {
		Map<String, String> addresses = accounts.emails(recipients);
		if (addresses.isEmpty()) {
			return;
		}
		Map<String, Boolean> chosen = new HashMap<>();
		jdbc.sql("select username, by_email from notice_email_setting where kind = :kind and username in (:names)")
			.param("kind", kind.name())
			.param("names", addresses.keySet())
			.query(rs -> {
				chosen.put(rs.getString(1), rs.getBoolean(2));
			});
		String text = messages.getMessage(kind.messageKey(), arguments.toArray(), MAIL_LOCALE);
		String subject = messages.getMessage("notices.mail.subject", new Object[] { text }, MAIL_LOCALE);
		String body = messages.getMessage("notices.mail.body", new Object[] { text, baseUrl + link }, MAIL_LOCALE);
		addresses.forEach((username, address) -> {
			if (chosen.getOrDefault(username, kind.emailByDefault())) {
				mail.enqueue(address, subject, body);
			}
		});
	}

	/** Which kinds of notice the user also receives by e-mail. */
	@Transactional(readOnly = true)
	public Set<NoticeKind> emailedKinds(String username) {
		Map<String, Boolean> chosen = new HashMap<>();
		jdbc.sql("select kind, by_email from notice_email_setting where username = :who")
			.param("who", username)
			.query(rs -> {
				chosen.put(rs.getString(1), rs.getBoolean(2));
			});
		Set<NoticeKind> emailed = new LinkedHashSet<>();
		kinds.values().stream().filter(kind -> chosen.getOrDefault(kind.name(), kind.emailByDefault())).forEach(emailed::add);
		return emailed;
	}

	/** Records the user's choice for every kind (so later changes of a default do not overturn it). */
	public void chooseEmailedKinds(String username, Set<NoticeKind> emailed) {
		jdbc.sql("delete from notice_email_setting where username = :who").param("who", username).update();
		for (NoticeKind kind : kinds.values()) {
			jdbc.sql("insert into notice_email_setting (username, kind, by_email) values (:who, :kind, :chosen)")
				.param("who", username)
				.param("kind", kind.name())
				.param("chosen", emailed.contains(kind))
				.update();
		}
	}

	@Transactional(readOnly = true)
	public long unread(String username) {
		return jdbc.sql("select count(*) from notification where recipient = :who and read_at is null")
			.param("who", username)
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public List<Notice> recent(String username, int limit) {
		return jdbc.sql("select * from notification where recipient = :who order by id desc limit :limit")
			.param("who", username)
			.param("limit", limit)
			.query((rs, n) -> new Notice(rs.getLong("id"), rs.getString("kind"), rs.getString("link"), rs.getString("message_key"),
					List.of(json.readValue(rs.getString("arguments"), String[].class)), SqlTimes.instant(rs, "created_at"),
					rs.getTimestamp("read_at") != null))
			.list();
	}

	public void markAllRead(String username) {
		jdbc.sql("update notification set read_at = :at where recipient = :who and read_at is null")
			.param("at", SqlTimes.bind(clock.instant()))
			.param("who", username)
			.update();
	}
}
