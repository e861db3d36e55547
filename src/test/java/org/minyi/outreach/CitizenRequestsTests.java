package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.NoticesDelivered;
import org.minyi.access.AccountDraft;
import org.minyi.access.AccountManagement;
import org.minyi.access.Role;
import org.minyi.notices.NoticeKind;
import org.minyi.notices.Notices;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.CitizenRequests.NewRequest;
import org.minyi.outreach.CitizenRequests.RequestFilter;
import org.minyi.outreach.CitizenRequests.RequestView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.StatusHistory;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.SqlTimes;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Citizen requests over the real database: the whole lifecycle with deadlines and follow-up,
 * refusals, data scope by id, masked and sealed contacts with audited reveal, and the metrics.
 * Each test works in two townships of its own, so counts are exact on a shared database.
 */
@MinyiTest
class CitizenRequestsTests {

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	@Autowired
	CitizenRequests requests;

	@Autowired
	RequestMetrics metrics;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notices notices;

	@Autowired
	RequestReminders reminders;

	@Autowired
	AccountManagement accounts;

	UnitView townA;

	UnitView townB;

	DataScope officerA;

	DataScope officerB;

	@BeforeEach
	void twoTownships() {
		townA = TestUnits.township(units, "request town");
		townB = TestUnits.township(units, "request town");
		officerA = TestUnits.officerOf(townA);
		officerB = TestUnits.officerOf(townB);
	}

	@Test
	void aRequestIsAnsweredFollowedUpReopenedAndClosed() {
		RequestView request = requests.receive(new NewRequest(RequestSource.HOTLINE, RequestCategory.DISPUTE, "楼上漏水", "楼上卫生间漏水",
				"12幢", "李秀英", "138 0571 0002", null), DISTRICT);
		assertThat(request.status()).isEqualTo(RequestStatus.RECEIVED);
		assertThat(request.reference()).matches("SQ\\d{8}-[2-9A-Z]{5}");
		assertThat(request.dueDate()).as("a dispute is answered within 5 working days, Monday to Friday, none configured as holidays")
			.isEqualTo(fiveWeekdaysAfter(requests.today()));
		assertThat(request.contactPhoneMasked()).isEqualTo("138****0002");
		assertThat(request.contactNameMasked()).isEqualTo("李**");
		assertThat(jdbc.sql("select contact_phone_sealed from citizen_request where id = :id").param("id", request.id()).query(String.class)
			.single()).doesNotContain("13805710002");

		RequestView assigned = act(request, RequestAction.ASSIGN, townA.id(), null, null, DISTRICT);
		assertThat(assigned.status()).isEqualTo(RequestStatus.ASSIGNED);
		assertThatThrownBy(() -> act(assigned, RequestAction.ACCEPT, null, null, null, DISTRICT)).as("the unit accepts, not the district")
			.hasMessage("outreach.request.error.role");
		RequestView accepted = act(assigned, RequestAction.ACCEPT, null, null, null, officerA);
		requests.addNote(request.id(), "已联系双方约定周五上门", officerA);
		assertThatThrownBy(() -> act(accepted, RequestAction.RESOLVE, null, " ", null, officerA)).hasMessage("outreach.request.error.comment");
		RequestView answered = act(accepted, RequestAction.RESOLVE, null, "调解员上门协调，楼上已维修", null, officerA);
		assertThat(answered.status()).isEqualTo(RequestStatus.RESOLVED);
		assertThat(answered.answeredInTime()).isTrue();

		RequestView reopened = act(answered, RequestAction.FOLLOW_UP, null, "仍在漏", Satisfaction.DISSATISFIED, DISTRICT);
		assertThat(reopened.status()).isEqualTo(RequestStatus.REOPENED);
		assertThat(reopened.reopened()).isEqualTo(1);
		assertThat(reopened.satisfaction()).isEqualTo(Satisfaction.DISSATISFIED);
		RequestView again = act(reopened, RequestAction.RESOLVE, null, "已更换防水层并复查", null, officerA);
		RequestView closed = act(again, RequestAction.FOLLOW_UP, null, null, Satisfaction.SATISFIED, DISTRICT);
		assertThat(closed.status()).isEqualTo(RequestStatus.CLOSED);
		assertThat(closed.resolution()).isEqualTo("已更换防水层并复查");
		assertThatThrownBy(() -> requests.addNote(request.id(), "x", officerA)).hasMessage("outreach.request.error.closed");
		assertThat(requests.history(request.id(), officerA)).extracting(StatusHistory.Entry::action)
			.containsExactly("RECEIVE", "ASSIGN", "ACCEPT", "NOTE", "RESOLVE", "FOLLOW_UP", "RESOLVE", "FOLLOW_UP");
		assertThatThrownBy(() -> act(closed, RequestAction.FOLLOW_UP, null, null, Satisfaction.SATISFIED, DISTRICT))
			.hasMessage("outreach.request.error.transition");
	}

	@Test
	void eachStepTellsWhomItConcernsOnceAndAMissedDeadlineIsRemindedToTheUnit() {
		String officer = "rq-officer-" + UUID.randomUUID().toString().substring(0, 8);
		// the township's own officer; a community below it without officers is told through them
		accounts.create(Role.SECURITY_ADMIN, new AccountDraft(officer, "townA officer", Role.UNIT_OFFICER, townA.id()));
		UnitView community = TestUnits.community(units, townA, "request community");
		String reference = requests.receiveFromPublic(RequestCategory.ENVIRONMENT, "河道发臭", "河道夏天发臭", null, "周女士", "13805710031");
		RequestView request = requests.list(RequestFilter.none(), DISTRICT, PageRequest.of(0, 200, null, null)).items().stream()
			.filter(r -> r.reference().equals(reference)).findFirst().orElseThrow();
		assertThat(told("district", request, RequestNotices.RECEIVED)).isEqualTo(1);

		RequestView assigned = act(request, RequestAction.ASSIGN, community.id(), null, null, DISTRICT);
		assertThat(told(officer, request, RequestNotices.ASSIGNED)).isEqualTo(1);
		RequestView accepted = act(assigned, RequestAction.ACCEPT, null, null, null, officerA);
		assertThat(reminders.remind(accepted.dueDate().plusDays(1))).isGreaterThanOrEqualTo(1);
		reminders.remind(accepted.dueDate().plusDays(1));
		assertThat(told(officer, request, RequestNotices.OVERDUE)).as("reminded once").isEqualTo(1);
		assertThat(unread("district", request, RequestNotices.RECEIVED)).as("settled by the assignment").isZero();
		RequestView answered = act(accepted, RequestAction.RESOLVE, null, "已清淤", null, officerA);
		assertThat(told("district", request, RequestNotices.ANSWERED)).isEqualTo(1);
		assertThat(unread(officer, request, RequestNotices.ASSIGNED) + unread(officer, request, RequestNotices.OVERDUE))
			.as("settled by the answer").isZero();
		RequestView reopened = act(answered, RequestAction.FOLLOW_UP, null, "还是臭", Satisfaction.DISSATISFIED, DISTRICT);
		assertThat(told(officer, request, RequestNotices.REOPENED)).isEqualTo(1);
		assertThat(unread(officer, request, RequestNotices.REOPENED)).isEqualTo(1);
		assertThat(unread("district", request, RequestNotices.ANSWERED)).as("the call is made").isZero();
		assertThat(told("district", request, RequestNotices.ASSIGNED)).as("unit notices stay with the unit").isZero();
		RequestView again = act(reopened, RequestAction.RESOLVE, null, "再次清淤并加装除臭设施", null, officerA);
		act(again, RequestAction.FOLLOW_UP, null, null, Satisfaction.SATISFIED, DISTRICT);
		assertThat(unread(officer, request, RequestNotices.REOPENED) + unread("district", request, RequestNotices.ANSWERED))
			.as("closed: nothing left to do").isZero();
	}

	private long told(String username, RequestView request, NoticeKind kind) {
		return noticesAbout(username, request, kind).count();
	}

	private long unread(String username, RequestView request, NoticeKind kind) {
		return noticesAbout(username, request, kind).filter(n -> !n.read()).count();
	}

	private java.util.stream.Stream<Notices.Notice> noticesAbout(String username, RequestView request, NoticeKind kind) {
		NoticesDelivered.await(jdbc);
		return notices.recent(username, 500).stream().filter(n -> n.kind().equals(kind.name()) && n.link().equals("/outreach/requests/" + request.id()));
	}

	@Test
	void reassigningNeedsAReasonAndTwoPeopleCannotBothAct() {
		RequestView request = requests.receive(request(townA.id(), "13805710020"), DISTRICT);
		assertThatThrownBy(() -> act(request, RequestAction.ASSIGN, townB.id(), null, null, DISTRICT)).hasMessage("outreach.request.error.comment");
		RequestView moved = act(request, RequestAction.ASSIGN, townB.id(), "属于B镇辖区", null, DISTRICT);
		assertThat(moved.unitId()).isEqualTo(townB.id());
		assertThatThrownBy(() -> requests.act(request.id(), RequestAction.ACCEPT, null, null, null, request.version(), officerB))
			.as("acting on what one saw before the reassignment").hasMessage("outreach.request.error.stale");
		assertThatThrownBy(() -> act(moved, RequestAction.ASSIGN, units.findByCode("YJ").orElseThrow().id() + 999_999, "x", null, DISTRICT))
			.hasMessage("outreach.request.error.unit");
	}

	@Test
	void anOfficerOfOneTownshipCannotReachAnothersRequests() {
		RequestView theirs = requests.receive(request(townB.id(), "13805710021"), DISTRICT);
		RequestView mine = requests.receive(request(null, "13805710022"), officerA);
		assertThat(mine.unitId()).as("an officer's request is their unit's").isEqualTo(townA.id());
		assertThatThrownBy(() -> requests.find(theirs.id(), officerA)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> requests.act(theirs.id(), RequestAction.ACCEPT, null, null, null, theirs.version(), officerA))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> requests.revealContact(theirs.id(), officerA)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> requests.addNote(theirs.id(), "x", officerA)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> requests.receive(request(townB.id(), "13805710023"), officerA)).hasMessage("outreach.request.error.unit");
		assertThat(requests.list(RequestFilter.none(), officerA, PageRequest.of(0, 200, null, null)).items())
			.extracting(RequestView::id).containsExactly(mine.id());
		String unassigned = requests.receiveFromPublic(RequestCategory.OTHER, "t", "d", null, null, null);
		assertThat(requests.list(RequestFilter.none(), officerA, PageRequest.of(0, 200, null, null)).items())
			.extracting(RequestView::reference).doesNotContain(unassigned);
	}

	@Test
	void theContactIsSealedMaskedAndEveryReadingAudited() {
		RequestView request = requests.receive(request(townA.id(), "0571-81600569"), DISTRICT);
		assertThat(request.contactPhoneMasked()).isEqualTo("0571-****0569");
		CitizenRequests.Contact contact = requests.revealContact(request.id(), officerA);
		assertThat(contact.phone()).isEqualTo("0571-81600569");
		assertThat(contact.name()).isEqualTo("张三");
		requests.revealContact(request.id(), DISTRICT);
		assertThat(jdbc.sql("select count(*) from audit_entry where action = 'personal.reveal' and target_type = 'citizen_request' "
				+ "and target_id = :id").param("id", String.valueOf(request.id())).query(Long.class).single()).as("two readings, two phones and two names").isEqualTo(4);

		String anonymous = requests.receiveFromPublic(RequestCategory.OTHER, "匿名", "内容", null, "", "");
		long anonymousId = jdbc.sql("select id from citizen_request where reference = :r").param("r", anonymous).query(Long.class).single();
		assertThatThrownBy(() -> requests.revealContact(anonymousId, DISTRICT)).hasMessage("outreach.request.error.anonymous");
		RequestView assigned = act(requests.find(anonymousId, DISTRICT), RequestAction.ASSIGN, townA.id(), null, null, DISTRICT);
		assertThat(act(assigned, RequestAction.RESOLVE, null, "已处理", null, officerA).status())
			.as("nobody to call back: closed with its answer").isEqualTo(RequestStatus.CLOSED);
	}

	@Test
	void badInputIsRefusedAndNothingIsKept() {
		long before = count();
		assertRefused(new NewRequest(RequestSource.HOTLINE, RequestCategory.OTHER, "", "d", null, null, null, townA.id()),
				"outreach.request.error.required");
		assertRefused(new NewRequest(RequestSource.HOTLINE, RequestCategory.OTHER, "x".repeat(101), "d", null, null, null, townA.id()),
				"input.error.tooLong");
		assertRefused(new NewRequest(RequestSource.HOTLINE, RequestCategory.OTHER, "t", "d".repeat(2001), null, null, null, townA.id()),
				"input.error.tooLong");
		assertRefused(new NewRequest(RequestSource.HOTLINE, RequestCategory.OTHER, "t", "d", null, "张三", null, townA.id()),
				"outreach.request.error.phoneNeeded");
		assertRefused(new NewRequest(RequestSource.HOTLINE, RequestCategory.OTHER, "t", "d", null, null, "12345", townA.id()),
				"phone.error.invalid");
		assertRefused(new NewRequest(RequestSource.HOTLINE, null, "t", "d", null, null, null, townA.id()), "outreach.request.error.category");
		assertThat(count()).isEqualTo(before);
		RequestView xss = requests.receive(new NewRequest(RequestSource.HOTLINE, RequestCategory.OTHER, "<script>alert(1)</script>",
				"' or 1=1; drop table citizen_request; --", null, null, null, townA.id()), DISTRICT);
		assertThat(requests.find(xss.id(), DISTRICT).title()).as("kept as typed, escaped when shown").isEqualTo("<script>alert(1)</script>");
	}

	@Test
	void metricsCountTheUnitsRequestsOfThePeriodWithAnswersInTimeAndSatisfaction() {
		LocalDate today = requests.today();
		// answered in time and satisfied
		RequestView first = requests.receive(request(townA.id(), "13805710030"), DISTRICT);
		RequestView answered = act(first, RequestAction.RESOLVE, null, "ok", null, officerA);
		act(answered, RequestAction.FOLLOW_UP, null, null, Satisfaction.BASICALLY_SATISFIED, DISTRICT);
		// came in 30 days ago and is answered only now: late
		RequestView late = requests.receive(request(townA.id(), "13805710031"), DISTRICT);
		jdbc.sql("update citizen_request set received_at = :at, received_month = :month, due_date = :due where id = :id")
			.param("at", SqlTimes.bind(late.receivedAt().minus(Duration.ofDays(30))))
			.param("month", CitizenRequests.month(today.minusDays(30)))
			.param("due", today.minusDays(20))
			.param("id", late.id())
			.update();
		RequestView lateAnswered = act(requests.find(late.id(), DISTRICT), RequestAction.RESOLVE, null, "late", null, officerA);
		assertThat(lateAnswered.answeredInTime()).isFalse();
		act(lateAnswered, RequestAction.FOLLOW_UP, null, null, Satisfaction.DISSATISFIED, DISTRICT);
		// still open
		requests.receive(request(townA.id(), "13805710032"), DISTRICT);
		// another township's
		requests.receive(request(townB.id(), "13805710033"), DISTRICT);

		RequestMetrics.Metrics figures = metrics.metrics(today.minusDays(60), today, officerA);
		assertThat(figures.units()).hasSize(1);
		RequestMetrics.Counts a = figures.units().get(0);
		assertThat(a.unitId()).isEqualTo(townA.id());
		assertThat(a).extracting(RequestMetrics.Counts::received, RequestMetrics.Counts::owed, RequestMetrics.Counts::answered,
				RequestMetrics.Counts::answeredInTime, RequestMetrics.Counts::closed, RequestMetrics.Counts::followedUp,
				RequestMetrics.Counts::satisfied)
			.containsExactly(3L, 2L, 2L, 1L, 1L, 2L, 1L);
		assertThat(a.inTimeRate()).as("the open one is not due yet").isEqualTo(0.5);
		assertThat(a.satisfactionRate()).isEqualTo(0.5);
		assertThat(figures.trend().stream().mapToLong(m -> m.counts().received()).sum()).isEqualTo(3);
		assertThat(figures.trend()).as("the late one in the month it came in").extracting(RequestMetrics.MonthCounts::month)
			.contains(java.time.YearMonth.from(today.minusDays(30)));
		assertThat(metrics.metrics(today.minusDays(10), today, officerA).total().received()).as("the late one came in before").isEqualTo(2);
		assertThat(requests.list(new RequestFilter(null, null, townA.id(), null, null, true), DISTRICT, PageRequest.of(0, 50, null, null))
			.total()).as("none overdue: the late one is answered").isZero();
	}

	/** Counted here by hand, not by the calendar under test. */
	private static LocalDate fiveWeekdaysAfter(LocalDate day) {
		LocalDate due = day;
		for (int counted = 0; counted < 5;) {
			due = due.plusDays(1);
			if (due.getDayOfWeek().getValue() <= 5) {
				counted++;
			}
		}
		return due;
	}

	private void assertRefused(NewRequest request, String messageKey) {
		assertThatThrownBy(() -> requests.receive(request, DISTRICT)).isInstanceOfSatisfying(BusinessRuleException.class,
				e -> assertThat(e.messageKey()).isEqualTo(messageKey));
	}

	private long count() {
		return jdbc.sql("select count(*) from citizen_request").query(Long.class).single();
	}

	private RequestView act(RequestView request, RequestAction action, Long unitId, String comment, Satisfaction satisfaction, DataScope scope) {
		return requests.act(request.id(), action, unitId, comment, satisfaction, request.version(), scope);
	}

	private static NewRequest request(Long unitId, String phone) {
		return new NewRequest(RequestSource.VISIT, RequestCategory.ENVIRONMENT, "垃圾清运", "垃圾桶满溢", "3号楼", "张三", phone, unitId);
	}
}
