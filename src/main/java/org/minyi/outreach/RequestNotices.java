package org.minyi.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.CitizenRequests.RequestView;
import org.minyi.workplan.NoticeKind;
import org.minyi.workplan.Notices;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who hears of a citizen request's steps, through the application's notices: the district of a
 * request from the public form waiting to be assigned and of an answer waiting for its follow-up
 * call; the unit of an assignment, a reopening, and a deadline passed (a daily job). Each notice
 * names the request, its reference, the unit and the deadline; notices whose request has moved on
 * (assigned, answered, called back, closed) are marked read for everyone.
 */
@Component
class RequestNotices {

	private final Notices notices;

	private final UnitManagement units;

	private final JdbcClient jdbc;

	private final Clock clock;

	RequestNotices(Notices notices, UnitManagement units, JdbcClient jdbc, Clock clock) {
		this.notices = notices;
		this.units = units;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Kinds whose notice asks for something the request's current state shows done. */
	private static final Map<RequestStatus, Set<NoticeKind>> SETTLED = Map.of(
			RequestStatus.ASSIGNED, EnumSet.of(NoticeKind.REQUEST_RECEIVED),
			RequestStatus.RESOLVED, EnumSet.of(NoticeKind.REQUEST_ASSIGNED, NoticeKind.REQUEST_OVERDUE, NoticeKind.REQUEST_REOPENED),
			RequestStatus.REOPENED, EnumSet.of(NoticeKind.REQUEST_ANSWERED),
			RequestStatus.CLOSED, EnumSet.allOf(NoticeKind.class),
			RequestStatus.DISMISSED, EnumSet.allOf(NoticeKind.class));

	/**
	 * After a step of the request: settles the notices the step has dealt with, and tells whoever the
	 * step concerns, once per step (the version names it).
	 */
	void stepped(RequestView request) {
		Set<NoticeKind> settled = SETTLED.get(request.status());
		if (settled != null) {
			notices.settle(link(request.id()), settled);
		}
		NoticeKind kind = switch (request.status()) {
			case RECEIVED -> request.source() == RequestSource.WEB_FORM ? NoticeKind.REQUEST_RECEIVED : null;
			case ASSIGNED -> NoticeKind.REQUEST_ASSIGNED;
			case RESOLVED -> NoticeKind.REQUEST_ANSWERED;
			case REOPENED -> NoticeKind.REQUEST_REOPENED;
			default -> null;
		};
		if (kind != null) {
			announce(kind, new Subject(request.id(), request.title(), request.reference(), request.unitId(), request.dueDate()),
					"v" + request.version());
		}
	}

	/** The daily reminder of answers past their deadline, at 08:00 district time. */
	@Scheduled(cron = "${minyi.workplan.reminder-cron:0 0 8 * * *}", zone = "Asia/Shanghai")
	@Transactional
	public void remindToday() {
		remind(LocalDate.now(clock.withZone(CitizenRequests.DISTRICT_ZONE)));
	}

	/** Tells the units of the requests whose deadline was yesterday and that are still unanswered. */
	@Transactional
	public int remind(LocalDate today) {
		List<Subject> late = jdbc.sql("""
				select id, title, reference, unit_id, due_date from citizen_request
				where due_date = :due and status in ('ASSIGNED', 'IN_PROGRESS', 'REOPENED') order by id""")
			.param("due", today.minusDays(1))
			.query((rs, n) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
					rs.getObject(5, LocalDate.class)))
			.list();
		return (int) late.stream().filter(request -> announce(NoticeKind.REQUEST_OVERDUE, request, "late")).count();
	}

	private static String link(long requestId) {
		return "/outreach/requests/" + requestId;
	}

	/** What a notice says of a request. */
	private record Subject(long id, String title, String reference, Long unitId, LocalDate dueDate) {
	}

	private boolean announce(NoticeKind kind, Subject request, String occasion) {
		String unit = request.unitId() == null ? "" : units.findById(request.unitId()).map(UnitView::name).orElse("");
		return notices.announce(kind, request.unitId(), "request:" + request.id() + ":" + occasion + ":" + request.dueDate(),
				link(request.id()), List.of(request.title(), request.reference(), unit, request.dueDate().toString()));
	}
}
