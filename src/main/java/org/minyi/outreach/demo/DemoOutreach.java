package org.minyi.outreach.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.CitizenRequests;
import org.minyi.outreach.CitizenRequests.NewRequest;
import org.minyi.outreach.CitizenRequests.RequestView;
import org.minyi.outreach.RequestAction;
import org.minyi.outreach.RequestCategory;
import org.minyi.outreach.RequestSource;
import org.minyi.outreach.RequestStatus;
import org.minyi.outreach.Satisfaction;
import org.minyi.outreach.SpecialGroups;
import org.minyi.outreach.SurveyCommentRequests;
import org.minyi.outreach.Visits;
import org.minyi.platform.PageRequest;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.TabularReader;
import org.minyi.platform.tabular.TabularRow;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.SurveyComments;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo citizen requests in every state, from {@code demo/requests.csv}: received on visits, the
 * hotline, the public form and from survey comments over the last weeks, some answered in time,
 * some late, some still open and overdue, followed up satisfied or not (and so reopened), one
 * dismissed. Each is received through the service, moved back to the day it came in (so deadlines
 * and the monthly trend look like a running district), then handled through the service. Of the
 * closed round's survey comments, two are taken up as requests and one is set aside.
 */
@Component
@Profile("demo")
@Order(90)
class DemoOutreach implements ApplicationRunner {

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	private final CitizenRequests requests;

	private final UnitManagement units;

	private final JdbcClient jdbc;

	private final Visits visits;

	private final MessageSource messages;

	private final SpecialGroups groups;

	private final RoundManagement rounds;

	private final SurveyComments comments;

	private final SurveyCommentRequests commentRequests;

	private final Clock clock;

	DemoOutreach(CitizenRequests requests, UnitManagement units, JdbcClient jdbc, Visits visits, MessageSource messages, SpecialGroups groups,
			RoundManagement rounds, SurveyComments comments, SurveyCommentRequests commentRequests, Clock clock) {
		this.clock = clock;
		this.groups = groups;
		this.rounds = rounds;
		this.comments = comments;
		this.commentRequests = commentRequests;
		this.visits = visits;
		this.messages = messages;
		this.requests = requests;
		this.units = units;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select count(*) from citizen_request").query(Long.class).single() > 0) {
			return;
		}
		for (TabularRow row : TabularReader.bundled("demo/requests.csv")) {
			handle(row);
		}
		contactsAndVisits();
		specialGroups();
		surveyComments();
	}

	/** Of the closed round's comments, two taken up as requests of their townships and one set aside; the rest wait. */
	private void surveyComments() {
		rounds.list().stream().filter(round -> round.status() == RoundStatus.CLOSED).findFirst().ifPresent(round -> {
			List<SurveyComments.Comment> fresh = comments.page(round.id(), null, SurveyComments.CommentStatus.NEW, PageRequest.of(0, 3, null, null))
				.comments().items();
			for (int i = 0; i < fresh.size(); i++) {
				SurveyComments.Comment comment = fresh.get(i);
				if (i < 2 && comment.townshipId() != null) {
					commentRequests.takeUp(comment.id(), RequestCategory.PUBLIC_SECURITY, null, comment.townshipId(), DISTRICT);
				}
				else {
					comments.setAside(comment.id());
				}
			}
		});
	}

	/** Four people cared for in the Chengguan township, one of them with a weekly care visit missed. */
	private void specialGroups() {
		record Demo(String unitCode, String kind, String key, String id, String phone, Visits.Frequency frequency, int lastCare) {
		}
		List<Demo> demos = List.of(new Demo("YJCG02", "ELDERLY_ALONE", "member1", "330102194003150024", "13805730001",
				Visits.Frequency.WEEKLY, 12), new Demo("YJCG01", "LEFT_BEHIND_CHILD", "member2", "330102201506080032", null,
						Visits.Frequency.MONTHLY, 10), new Demo("YJCG05", "DISABLED", "member3", "330102196809210048",
								"13805730003", Visits.Frequency.FORTNIGHTLY, 4), new Demo("YJCG01", "ELDERLY_ALONE", "member4",
										"330102193801010056", "0571-81600003", Visits.Frequency.WEEKLY, 2));
		for (Demo demo : demos) {
			UnitView unit = units.findByCode(demo.unitCode()).orElse(null);
			if (unit == null) {
				continue;
			}
			DataScope scope = DataScope.subtree(unit.id(), unit.path());
			SpecialGroups.MemberView member = groups.register(new SpecialGroups.NewMember(unit.id(), demo.kind(),
					demoText("outreach.demo." + demo.key() + ".name"), demo.id(), demo.phone(), demoText("outreach.demo." + demo.key() + ".address"),
					demoText("outreach.demo." + demo.key() + ".needs"), demo.frequency(), "officer"), DISTRICT);
			jdbc.sql("update special_group_member set registered_on = :day where id = :id")
				.param("day", today().minusDays(60))
				.param("id", member.id())
				.update();
			groups.logCare(member.id(), today().minusDays(demo.lastCare()), demoText("outreach.demo.careNotes"), "officer", scope);
		}
	}

	/**
	 * The demo officer of the Chengguan township answers for two communities: one visited on time (a visit that raised a
	 * problem among them), one whose weekly visit is overdue.
	 */
	private void contactsAndVisits() {
		UnitView jiefang = units.findByCode("YJCG01").orElse(null);
		UnitView wenhua = units.findByCode("YJCG02").orElse(null);
		if (jiefang == null || wenhua == null) {
			return;
		}
		DataScope officer = DataScope.subtree(jiefang.id(), jiefang.path());
		LocalDate today = today();
		Visits.AssignmentView monthly = visits.assign("officer", jiefang.id(), null, Visits.Frequency.MONTHLY, DISTRICT);
		Visits.AssignmentView weekly = visits.assign("officer", wenhua.id(), demoText("outreach.demo.household"), Visits.Frequency.WEEKLY,
				DISTRICT);
		jdbc.sql("update contact_assignment set starts_on = :start where id in (:ids)")
			.param("start", today.minusDays(60))
			.param("ids", List.of(monthly.id(), weekly.id()))
			.update();
		visits.log("officer", new Visits.NewVisit(monthly.id(), null, today.minusDays(40), null, 12, demoText("outreach.demo.topics1"),
				List.of()), List.of(), officer);
		visits.log("officer", new Visits.NewVisit(monthly.id(), null, today.minusDays(9), null, 8, demoText("outreach.demo.topics2"),
				List.of(new Visits.RaisedProblem(RequestCategory.PUBLIC_SECURITY, demoText("outreach.demo.problemTitle"),
						demoText("outreach.demo.problemText"), demoText("outreach.demo.problemName"), "13805710099"))), List.of(), officer);
		visits.log("officer", new Visits.NewVisit(weekly.id(), null, today.minusDays(12), null, 3, demoText("outreach.demo.topics3"),
				List.of()), List.of(), DataScope.subtree(wenhua.id(), wenhua.path()));
	}

	private String demoText(String key) {
		return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CitizenRequests.DISTRICT_ZONE));
	}

	private void handle(TabularRow row) {
		UnitView unit = row.cell(0).isEmpty() ? null : units.findByCode(row.cell(0)).orElse(null);
		RequestCategory category = RequestCategory.valueOf(row.cell(2));
		long id;
		if (unit == null) {
			String reference = requests.receiveFromPublic(category, row.cell(3), row.cell(4), row.cell(5), row.cell(6), row.cell(7));
			id = jdbc.sql("select id from citizen_request where reference = :r").param("r", reference).query(Long.class).single();
		}
		else {
			id = requests.receive(new NewRequest(RequestSource.valueOf(row.cell(1)), category, row.cell(3), row.cell(4), row.cell(5),
					row.cell(6), row.cell(7), unit.id()), DISTRICT).id();
		}
		backdate(id, category, Integer.parseInt(row.cell(8)));
		RequestStatus target = RequestStatus.valueOf(row.cell(9));
		DataScope officer = unit == null ? null : DataScope.subtree(unit.id(), unit.path());
		int answerAfter = row.cell(12).isEmpty() ? 0 : Integer.parseInt(row.cell(12));
		switch (target) {
			case DISMISSED -> act(id, RequestAction.DISMISS, row.cell(10), null, DISTRICT);
			case IN_PROGRESS -> act(id, RequestAction.ACCEPT, null, null, officer);
			case RESOLVED, CLOSED, REOPENED -> {
				act(id, RequestAction.ACCEPT, null, null, officer);
				act(id, RequestAction.RESOLVE, row.cell(10), null, officer);
				if (target != RequestStatus.RESOLVED) {
					act(id, RequestAction.FOLLOW_UP, null, Satisfaction.valueOf(row.cell(11)), DISTRICT);
				}
				settle(id, category, answerAfter);
			}
			default -> {
				// received or assigned: nothing done yet
			}
		}
	}

	private void act(long id, RequestAction action, String comment, Satisfaction satisfaction, DataScope scope) {
		RequestView request = requests.find(id, scope);
		requests.act(id, action, null, comment, satisfaction, request.version(), scope);
	}

	/**
	 * The request came in {@code days} ago: its receipt, deadline, reference (which carries the day)
	 * and first history line move back.
	 */
	private void backdate(long id, RequestCategory category, int days) {
		RequestView request = requests.find(id, DISTRICT);
		LocalDate received = today().minusDays(days);
		jdbc.sql("update citizen_request set received_at = :at, received_month = :month, due_date = :due, reference = :reference where id = :id")
			.param("at", SqlTimes.bind(request.receivedAt().minus(Duration.ofDays(days))))
			.param("month", CitizenRequests.month(received))
			.param("due", requests.deadline(category, received))
			.param("reference", "SQ" + received.format(DateTimeFormatter.BASIC_ISO_DATE) + request.reference().substring(10))
			.param("id", id)
			.update();
		jdbc.sql("update request_event set occurred_at = :at where request_id = :id")
			.param("at", SqlTimes.bind(request.receivedAt().minus(Duration.ofDays(days))))
			.param("id", id)
			.update();
	}

	/**
	 * The unit answered {@code answerAfter} days after receipt (not today, when the demo ran), and the
	 * follow-up call came two days later: times, the in-time flag and the history follow.
	 */
	private void settle(long id, RequestCategory category, int answerAfter) {
		RequestView request = requests.find(id, DISTRICT);
		Instant answered = request.receivedAt().plus(Duration.ofDays(answerAfter));
		Instant followedUp = answered.plus(Duration.ofDays(2));
		jdbc.sql("update citizen_request set first_resolved_at = :answered, resolved_at = :answered, answered_in_time = :inTime where id = :id")
			.param("answered", SqlTimes.bind(answered))
			.param("inTime", !LocalDate.ofInstant(answered, CitizenRequests.DISTRICT_ZONE).isAfter(request.dueDate()))
			.param("id", id)
			.update();
		if (request.followedUpAt() != null) {
			jdbc.sql("update citizen_request set followed_up_at = :at, closed_at = case when status = 'CLOSED' then :at else closed_at end "
					+ "where id = :id")
				.param("at", SqlTimes.bind(followedUp))
				.param("id", id)
				.update();
		}
		if (request.status() == RequestStatus.REOPENED) {
			jdbc.sql("update citizen_request set due_date = :due where id = :id")
				.param("due", requests.deadline(category, LocalDate.ofInstant(followedUp, CitizenRequests.DISTRICT_ZONE)))
				.param("id", id)
				.update();
		}
		for (var step : List.of(Map.entry("ACCEPT", request.receivedAt().plus(Duration.ofHours(20))), Map.entry("RESOLVE", answered),
				Map.entry("FOLLOW_UP", followedUp))) {
			jdbc.sql("update request_event set occurred_at = :at where request_id = :id and action = :action")
				.param("at", SqlTimes.bind(step.getValue()))
				.param("id", id)
				.param("action", step.getKey())
				.update();
		}
	}
}
