package org.minyi.workplan;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The application's notices, in the app and, for those who chose it, by e-mail. About tasks: the
 * unit's officers hear that a task is due in three days, overdue, or returned; the district's
 * administrators hear of submissions, and they and the unit's leaders of tasks a week overdue.
 * Other modules announce their own (citizen requests, disputes) through {@link #announce}, as
 * ADR 0015 explains. Every notice is claimed first in {@code notice_claim} (kind, subject, day or
 * version), so with several application nodes running the daily jobs each notice still goes out once.
 */
@Service
@Transactional
public class Notices {

	/** Days before the due date the "due soon" notice goes out. */
	static final int DUE_SOON_DAYS = 3;

	/** Days overdue after which the district is told. */
	static final int ESCALATE_AFTER_DAYS = 7;

	private static final Locale MAIL_LOCALE = Locale.SIMPLIFIED_CHINESE;

	/** @param link the page the notice is about, a path in the app */
	public record Notice(long id, NoticeKind kind, String link, String messageKey, List<String> arguments, Instant createdAt, boolean read) {
	}

	private final JdbcClient jdbc;

	private final AccountManagement accounts;

	private final UnitManagement units;

	private final ObjectMapper json;

	private final MailOutbox mail;

	private final MessageSource messages;

	private final Clock clock;

	private final String baseUrl;

	Notices(JdbcClient jdbc, AccountManagement accounts, UnitManagement units, ObjectMapper json, MailOutbox mail,
			MessageSource messages, Clock clock, @Value("${minyi.public-base-url:}") String baseUrl) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.units = units;
		this.json = json;
		this.mail = mail;
		this.messages = messages;
		this.clock = clock;
		this.baseUrl = baseUrl.replaceAll("/+$", "");
	}

	/** The daily reminders, at 08:00 district time on every node; the claims keep them single. */
	@Scheduled(cron = "${minyi.workplan.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	public void remindToday() {
		remind(LocalDate.now(clock.withZone(WorkTasks.DISTRICT_ZONE)));
	}

	/** Sends the reminders of a day: due soon, just overdue, and escalations. Returns the notices sent. */
	public int remind(LocalDate today) {
		int sent = 0;
		sent += forTasksDue(today.plusDays(DUE_SOON_DAYS), NoticeKind.DUE_SOON, today);
		sent += forTasksDue(today.minusDays(1), NoticeKind.OVERDUE, today);
		sent += forTasksDue(today.minusDays(ESCALATE_AFTER_DAYS), NoticeKind.ESCALATED, today);
		return sent;
	}

	/** In task order, so that two nodes claiming at once wait for each other instead of deadlocking. */
	private int forTasksDue(LocalDate due, NoticeKind kind, LocalDate today) {
		List<Long> tasks = jdbc.sql("""
				select t.id from work_task t join work_plan p on p.id = t.plan_id
				where t.due_date = :due and t.status in ('ASSIGNED', 'IN_PROGRESS', 'RETURNED') and p.status = 'PUBLISHED'
				order by t.id""")
			.param("due", due)
			.query(Long.class)
			.list();
		return (int) tasks.stream().filter(task -> send(kind, task, today.toString())).count();
	}

	/** Tells whoever a notice of this kind is for about the task, unless the notice was already sent. */
	boolean send(NoticeKind kind, long taskId, String occasion) {
		if (!claim(kind + ":" + taskId + ":" + occasion)) {
			return false;
		}
		Subject task = subject(taskId);
		List<String> arguments = List.of(task.title(), units.findById(task.unitId()).map(UnitView::name).orElse("?"),
				task.dueDate().toString());
		deliver(kind, recipients(kind, task.unitId()), task.taskId(), "/workplan/tasks/" + task.taskId(), arguments);
		return true;
	}

	/**
	 * Tells users about something of another module (a citizen request, a dispute) — the district's
	 * administrators or the unit's officers, as the kind says — in the app and by e-mail to those who
	 * chose it; {@code unitId} is the unit concerned (unused by district kinds). {@code subject} names
	 * the thing and the occasion (e.g. {@code request:12:assigned:3});
	 * a notice already sent for it is not sent again. {@code link} is the page's path in the app and
	 * {@code arguments} fill the kind's message.
	 */
	public boolean announce(NoticeKind kind, Long unitId, String subject, String link, List<String> arguments) {
		if (!claim(kind + ":" + subject)) {
			return false;
		}
		deliver(kind, recipients(kind, unitId), null, link, arguments);
		return true;
	}

	/** The notice is sent by whoever inserts its claim first (several nodes may run the same job). */
	private boolean claim(String key) {
		return jdbc.sql("insert into notice_claim (notice_key, claimed_at) values (:key, :at) on conflict do nothing")
			.param("key", key)
			.param("at", SqlTimes.bind(clock.instant()))
			.update() == 1;
	}

	private void deliver(NoticeKind kind, List<String> recipients, Long taskId, String link, List<String> arguments) {
		for (String recipient : recipients) {
			jdbc.sql("""
					insert into notification (recipient, kind, task_id, link, message_key, arguments, created_at)
					values (:to, :kind, :task, :link, :key, :arguments, :at)""")
				.param("to", recipient)
				.param("kind", kind.name())
				.param("task", taskId)
				.param("link", link)
				.param("key", kind.messageKey())
				.param("arguments", json.writeValueAsString(arguments))
				.param("at", SqlTimes.bind(clock.instant()))
				.update();
		}
		if (mail.enabled()) {
			email(kind, link, arguments, recipients);
		}
	}

	/**
	 * District kinds go to the district's administrators, escalations also to the leaders of the
	 * unit itself; the rest to the officers of the unit or, for a unit without its own (a community),
	 * of the nearest unit above it that has some (as {@link NoticeKind#reaches} says).
	 */
	private List<String> recipients(NoticeKind kind, Long unitId) {
		if (kind == NoticeKind.ESCALATED) {
			return Stream.concat(accounts.enabledUsernames(List.of(Role.DISTRICT_ADMIN)).stream(),
					accounts.enabledUsernames(unitId, Role.LEADER).stream()).distinct().toList();
		}
		if (kind.forDistrict()) {
			return accounts.enabledUsernames(List.of(Role.DISTRICT_ADMIN));
		}
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
	private void email(NoticeKind kind, String link, List<String> arguments, List<String> recipients) {
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
		String subject = messages.getMessage("workplan.notice.mail.subject", new Object[] { text }, MAIL_LOCALE);
		String body = messages.getMessage("workplan.notice.mail.body", new Object[] { text, baseUrl + link }, MAIL_LOCALE);
		addresses.forEach((username, address) -> {
			if (chosen.getOrDefault(username, kind.emailByDefault())) {
				mail.enqueue(address, subject, body);
			}
		});
	}

	/** Which kinds of notice the user also receives by e-mail. */
	@Transactional(readOnly = true)
	public Set<NoticeKind> emailedKinds(String username) {
		Map<NoticeKind, Boolean> chosen = new EnumMap<>(NoticeKind.class);
		jdbc.sql("select kind, by_email from notice_email_setting where username = :who")
			.param("who", username)
			.query(rs -> {
				chosen.put(NoticeKind.valueOf(rs.getString(1)), rs.getBoolean(2));
			});
		Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
		for (NoticeKind kind : NoticeKind.values()) {
			if (chosen.getOrDefault(kind, kind.emailByDefault())) {
				kinds.add(kind);
			}
		}
		return kinds;
	}

	/** Records the user's choice for every kind (so later changes of a default do not overturn it). */
	public void chooseEmailedKinds(String username, Set<NoticeKind> kinds) {
		jdbc.sql("delete from notice_email_setting where username = :who").param("who", username).update();
		for (NoticeKind kind : NoticeKind.values()) {
			jdbc.sql("insert into notice_email_setting (username, kind, by_email) values (:who, :kind, :chosen)")
				.param("who", username)
				.param("kind", kind.name())
				.param("chosen", kinds.contains(kind))
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
			.query((rs, n) -> new Notice(rs.getLong("id"), NoticeKind.valueOf(rs.getString("kind")), rs.getString("link"),
					rs.getString("message_key"), List.of(json.readValue(rs.getString("arguments"), String[].class)),
					SqlTimes.instant(rs, "created_at"), rs.getTimestamp("read_at") != null))
			.list();
	}

	/**
	 * Marks as read, for everyone, the unread notices of these kinds about a page whose subject has
	 * moved on (e.g. "call the resident back" once the call is made), so the list stays a to-do list.
	 */
	public void settle(String link, Set<NoticeKind> kinds) {
		if (kinds.isEmpty()) {
			return;
		}
		jdbc.sql("update notification set read_at = :at where link = :link and read_at is null and kind in (:kinds)")
			.param("at", SqlTimes.bind(clock.instant()))
			.param("link", link)
			.param("kinds", kinds.stream().map(NoticeKind::name).toList())
			.update();
	}

	public void markAllRead(String username) {
		jdbc.sql("update notification set read_at = :at where recipient = :who and read_at is null")
			.param("at", SqlTimes.bind(clock.instant()))
			.param("who", username)
			.update();
	}

	/** What a notice says about its task. */
	private record Subject(long taskId, long unitId, String title, LocalDate dueDate) {
	}

	private Subject subject(long taskId) {
		return jdbc.sql("select t.id, t.unit_id, i.title, t.due_date from work_task t join plan_item i on i.id = t.item_id where t.id = :id")
			.param("id", taskId)
			.query((rs, n) -> new Subject(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class)))
			.single();
	}
}
