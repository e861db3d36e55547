package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.access.AccountDraft;
import org.minyi.access.AccountManagement;
import org.minyi.access.Role;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.outreach.Visits.AssignmentView;
import org.minyi.outreach.Visits.NewVisit;
import org.minyi.outreach.Visits.PhotoUpload;
import org.minyi.outreach.Visits.RaisedProblem;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Contact assignments and visits: due and missed visits, problems raised becoming requests, photos checked, scope by id. */
@MinyiTest
class VisitsTests {

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	@Autowired
	Visits visits;

	@Autowired
	CitizenRequests requests;

	@Autowired
	UnitManagement units;

	@Autowired
	AccountManagement accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	UnitView town;

	UnitView community;

	String cadre;

	DataScope officer;

	@BeforeEach
	void townWithACommunityAndACadre() {
		town = TestUnits.township(units, "visit town");
		community = TestUnits.community(units, town, "community");
		cadre = "cadre" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(Role.SECURITY_ADMIN, new AccountDraft(cadre, "cadre", Role.UNIT_OFFICER, town.id()));
		officer = TestUnits.officerOf(town);
	}

	@Test
	void aVisitWithProblemsRaisesRequestsAndMovesTheNextDueVisit() {
		AssignmentView assignment = visits.assign(cadre, community.id(), "12幢3单元201 李秀英家", Visits.Frequency.WEEKLY, officer);
		assertThat(assignment.householdMasked()).isEqualTo("12幢3单元***");
		assertThat(assignment.nextDue()).isEqualTo(visits.today().plusDays(7));
		jdbc.sql("update contact_assignment set starts_on = :d where id = :id").param("d", visits.today().minusDays(10))
			.param("id", assignment.id()).update();
		assertThat(visits.assignments(cadre, officer)).singleElement().satisfies(a -> assertThat(a.overdue()).as("missed").isTrue());

		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 1, 2, 3 };
		Visits.VisitView visit = visits.log(cadre, new NewVisit(assignment.id(), null, visits.today().minusDays(1), null, 4, "了解情况",
				List.of(new RaisedProblem(RequestCategory.ENVIRONMENT, "楼道堆物", "7幢楼道堆放杂物", "王大妈", "13805716666"),
						new RaisedProblem(RequestCategory.PUBLIC_SECURITY, "夜间吵闹", "烧烤店夜间吵闹", null, null))),
				List.of(new PhotoUpload("楼道.png", new ByteArrayInputStream(png))), officer);
		assertThat(visit.unitId()).isEqualTo(community.id());
		assertThat(visits.raised(visit.id(), officer)).extracting(Visits.Raised::title, Visits.Raised::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("楼道堆物", RequestStatus.ASSIGNED),
					org.assertj.core.groups.Tuple.tuple("夜间吵闹", RequestStatus.ASSIGNED));
		long raised = visits.raised(visit.id(), officer).get(0).id();
		assertThat(requests.find(raised, officer).source()).isEqualTo(RequestSource.VISIT);
		assertThat(requests.find(raised, officer).contactPhoneMasked()).as("the resident to call back").isEqualTo("138****6666");
		assertThat(visits.photos(visit.id(), officer)).singleElement().satisfies(p -> assertThat(p.contentType()).isEqualTo("image/png"));
		assertThat(visits.assignments(cadre, officer)).singleElement().satisfies(a -> {
			assertThat(a.lastVisit()).isEqualTo(visits.today().minusDays(1));
			assertThat(a.nextDue()).isEqualTo(visits.today().plusDays(6));
			assertThat(a.overdue()).isFalse();
		});
	}

	@Test
	void badVisitsAreRefusedAndKeepNothing() {
		AssignmentView assignment = visits.assign(cadre, community.id(), null, Visits.Frequency.MONTHLY, officer);
		long before = jdbc.sql("select count(*) from visit").query(Long.class).single();
		long requestsBefore = jdbc.sql("select count(*) from citizen_request").query(Long.class).single();
		byte[] exe = "MZ this program".getBytes(StandardCharsets.ISO_8859_1);
		assertRefused(() -> visits.log(cadre, new NewVisit(assignment.id(), null, visits.today(), null, 2, "t",
				List.of(new RaisedProblem(RequestCategory.OTHER, "x", "y", null, null))), List.of(new PhotoUpload("photo.png", new ByteArrayInputStream(exe))),
				officer), "file.error.content");
		assertRefused(() -> visits.log(cadre, new NewVisit(assignment.id(), null, visits.today(), null, 2, "t", List.of()),
				List.of(new PhotoUpload("plan.pdf", new ByteArrayInputStream("%PDF-1.4".getBytes(StandardCharsets.US_ASCII)))), officer),
				"file.error.type");
		assertRefused(() -> visits.log(cadre, new NewVisit(assignment.id(), null, visits.today(), null, 2, "t",
				List.of(new RaisedProblem(null, "no category", "y", null, null))), List.of(), officer), "outreach.request.error.category");
		assertRefused(() -> visits.log(cadre, new NewVisit(assignment.id(), null, visits.today().plusDays(1), null, 2, "t", List.of()),
				List.of(), officer), "outreach.visit.error.date");
		assertRefused(() -> visits.log(cadre, new NewVisit(assignment.id(), null, visits.today(), null, 0, "t", List.of()), List.of(), officer),
				"outreach.visit.error.peopleMet");
		assertRefused(() -> visits.log("officer", new NewVisit(assignment.id(), null, visits.today(), null, 2, "t", List.of()), List.of(),
				officer), "outreach.visit.error.notYours");
		assertThat(jdbc.sql("select count(*) from visit").query(Long.class).single()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from citizen_request").query(Long.class).single()).as("no request of a refused visit")
			.isEqualTo(requestsBefore);
	}

	@Test
	void anotherTownshipsOfficerCannotReachTheVisitsOrAssignCadresOutsideTheirScope() {
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		DataScope otherOfficer = DataScope.subtree(chengguan.id(), chengguan.path());
		AssignmentView assignment = visits.assign(cadre, community.id(), null, Visits.Frequency.MONTHLY, officer);
		Visits.VisitView visit = visits.log(cadre, new NewVisit(assignment.id(), null, visits.today(), null, 2, "t", List.of()), List.of(),
				officer);
		assertThatThrownBy(() -> visits.find(visit.id(), otherOfficer)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> visits.photos(visit.id(), otherOfficer)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> visits.assignment(assignment.id(), otherOfficer)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> visits.end(assignment.id(), otherOfficer)).isInstanceOf(RecordNotFoundException.class);
		assertRefused(() -> visits.assign(cadre, chengguan.id(), null, Visits.Frequency.MONTHLY, otherOfficer), "outreach.visit.error.cadre");
		assertRefused(() -> visits.assign("officer", community.id(), null, Visits.Frequency.MONTHLY, otherOfficer), "outreach.visit.error.unit");
		visits.end(assignment.id(), officer);
		assertThat(visits.assignments(cadre, officer)).isEmpty();
		assertRefused(() -> visits.end(assignment.id(), officer), "outreach.visit.error.ended");
	}

	@Test
	void aRefusedVisitFormKeepsWhatWasTyped() throws Exception {
		String page = mvc.perform(post("/outreach/visits").with(user(users.loadUserByUsername("officer"))).with(csrf())
				.param("unitId", String.valueOf(units.findByCode("YJCG01").orElseThrow().id())).param("visitedOn", visits.today().toString())
				.param("peopleMet", "7").param("topics", "入户了解情况")
				.param("problemCategory", "", "", "").param("problemTitle", "路灯不亮", "", "").param("problemDescription", "三幢门口", "", "")
				.param("problemName", "", "", "").param("problemPhone", "", "", ""))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"visit-error\"", "请选择诉求类别", "入户了解情况", "value=\"路灯不亮\"", "value=\"7\"");
	}

	private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String messageKey) {
		assertThatThrownBy(call).isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
	}
}
