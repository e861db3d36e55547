package org.minyi.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.access.AccountDraft;
import org.minyi.access.AccountManagement;
import org.minyi.access.Role;
import org.minyi.disputes.Disputes.DisputeView;
import org.minyi.disputes.Disputes.NewDispute;
import org.minyi.disputes.Disputes.Party;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The dispute pages over HTTP, as an officer of a township of the test's own: intake with amounts as
 * typed, refusals explained and keeping nothing, steps and sessions, reading a party in clear, the
 * figures' period, and the exports holding only the officer's cases.
 */
@MinyiTest
class DisputeWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UnitManagement units;

	@Autowired
	Disputes disputes;

	@Autowired
	JdbcClient jdbc;

	UnitView town;

	String officerName;

	@BeforeEach
	void townshipWithAnOfficer() {
		town = TestUnits.township(units, "web dispute town");
		officerName = "mediator" + UUID.randomUUID().toString().substring(0, 8);
		var created = accounts.create(Role.SECURITY_ADMIN, new AccountDraft(officerName, "调解干部", Role.UNIT_OFFICER, town.id()));
		accounts.changeOwnPassword(created.account().id(), created.oneTimePassword(), "Mediate-Pass2026");
	}

	@Test
	void aCaseTakenInOverTheWebKeepsTheAmountAsTypedAndWhoTookItIn() throws Exception {
		String location = mvc.perform(intake().param("amount", " 1,500.50 ").param("risk", "HIGH"))
			.andExpect(status().is3xxRedirection())
			.andReturn().getResponse().getRedirectedUrl();
		long id = Long.parseLong(location.substring("/disputes/".length()));
		DisputeView dispute = disputes.find(id, DataScope.wholeDistrict());
		assertThat(dispute.amount()).isEqualByComparingTo(new BigDecimal("1500.50"));
		assertThat(dispute.unitId()).isEqualTo(town.id());
		assertThat(jdbc.sql("select created_by from dispute where id = :id").param("id", id).query(String.class).single()).isEqualTo(officerName);
		mvc.perform(intake().param("risk", "LOW")).andExpect(flash().attribute("flash", org.hamcrest.Matchers.startsWith("纠纷已登记，编号 MJ")));
	}

	@Test
	void aHighRiskIntakeSaysTheDistrictWasTold() throws Exception {
		String flash = (String) mvc.perform(intake().param("risk", "HIGH")).andReturn().getFlashMap().get("flash");
		assertThat(flash).matches("纠纷已登记，编号 MJ\\d{8}-[2-9A-Z]{5}；高风险纠纷已即时报告区委政法委");
	}

	@Test
	void badIntakeShowsTheFormWithTheReasonAndKeepsNothing() throws Exception {
		assertThat(refusedIntake(intake().param("risk", "LOW").param("amount", "一千五"))).contains("id=\"dispute-error\"")
			.contains("涉及金额请填写不小于 0 的数字，最多两位小数");
		assertThat(refusedIntake(intake().param("risk", "LOW").param("amount", "12.345"))).contains("涉及金额请填写不小于 0 的数字，最多两位小数");
		assertThat(refusedIntake(intake().param("risk", "EXTREME"))).contains("请选择来源、纠纷类型和风险等级");
		assertThat(refusedIntake(intake(town.id()).param("risk", "LOW").param("partyName", "孙丽", " "))).contains("请至少填写双方当事人的姓名");
		assertThat(countIn(town)).isZero();
		UnitView chengguan = units.findByCode("YJCG").orElseThrow();
		long before = countIn(chengguan);
		assertThat(refusedIntake(intake(chengguan.id()).param("risk", "LOW").param("partyName", "孙丽", "周强"))).as("only units in the officer's scope")
			.contains("请选择您管辖范围内在用的单位");
		assertThat(countIn(chengguan)).isEqualTo(before);
	}

	@Test
	void stepsAreTakenWithTheVersionSeenAndRefusalsAreExplained() throws Exception {
		DisputeView dispute = received();
		act(dispute.id(), "DELETE", dispute.version()).andExpect(flash().attribute("flashError", "纠纷当前的状态不允许这一操作"));
		// without the version seen
		mvc.perform(post("/disputes/{id}/act", dispute.id()).with(csrf()).with(user(officer())).param("action", "START_MEDIATION")
			.param("mediationType", "PEOPLES").param("mediator", "周"))
			.andExpect(flash().attribute("flashError", "这件纠纷刚被别人处理过，请刷新后再操作"));
		mvc.perform(step(dispute.id(), "START_MEDIATION", dispute.version() + 1).param("mediationType", "PEOPLES").param("mediator", "周"))
			.andExpect(flash().attribute("flashError", "这件纠纷刚被别人处理过，请刷新后再操作"));
		mvc.perform(step(dispute.id(), "START_MEDIATION", dispute.version()).param("mediationType", "NONE").param("mediator", "周"))
			.andExpect(flash().attribute("flashError", "请选择调解方式"));
		assertThat(disputes.find(dispute.id(), DataScope.wholeDistrict()).status()).isEqualTo(DisputeStatus.RECEIVED);
		mvc.perform(step(dispute.id(), "START_MEDIATION", dispute.version()).param("mediationType", "PEOPLES").param("mediator", "周"))
			.andExpect(redirectedUrl("/disputes/" + dispute.id()))
			.andExpect(flash().attribute("flash", "已办理，纠纷现为“调解中”"));
		DisputeView mediating = disputes.find(dispute.id(), DataScope.wholeDistrict());
		mvc.perform(step(dispute.id(), "AGREE", mediating.version()).param("day", "2026-02-30").param("comment", "赔偿"))
			.andExpect(flash().attribute("flashError", "日期不能晚于今天，也不能早于受理日期"));
		assertThat(disputes.find(dispute.id(), DataScope.wholeDistrict()).status()).isEqualTo(DisputeStatus.MEDIATING);
	}

	@Test
	void sessionsNeedADayAndAreAddedWithAMessage() throws Exception {
		DisputeView dispute = received();
		disputes.act(dispute.id(), DisputeAction.START_MEDIATION, new Disputes.Step(MediationType.PEOPLES, "周", null, null, null), dispute.version(),
				DataScope.wholeDistrict());
		mvc.perform(post("/disputes/{id}/sessions", dispute.id()).with(csrf()).with(user(officer())).param("participants", "双方").param("notes", "记录"))
			.andExpect(flash().attribute("flashError", "日期不能晚于今天，也不能早于受理日期"));
		mvc.perform(post("/disputes/{id}/sessions", dispute.id()).with(csrf()).with(user(officer()))
			.param("heldOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()).param("participants", "双方").param("notes", "记录"))
			.andExpect(flash().attribute("flash", "调解记录已添加"));
		assertThat(disputes.sessions(dispute.id(), DataScope.wholeDistrict())).singleElement()
			.satisfies(s -> assertThat(s.createdBy()).isEqualTo(officerName));
	}

	@Test
	void aPartyIsShownInClearOnlyToTheCasesOwnUnitAndTheReadingIsAuditedByName() throws Exception {
		DisputeView dispute = received();
		long party = disputes.parties(dispute.id(), DataScope.wholeDistrict()).get(0).id();
		mvc.perform(post("/disputes/{id}/parties/{party}", dispute.id(), party).with(csrf()).with(user(users.loadUserByUsername("officer"))))
			.andExpect(status().isNotFound());
		assertThat(reveals(dispute)).isZero();
		String page = mvc.perform(post("/disputes/{id}/parties/{party}", dispute.id(), party).with(csrf()).with(user(officer())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"party-clear\">孙丽 13805720077<");
		assertThat(jdbc.sql("select distinct username from audit_entry where action = 'personal.reveal' and target_id = :id")
			.param("id", String.valueOf(dispute.id())).query(String.class).list()).containsExactly(officerName);
		String other = mvc.perform(get("/disputes/{id}", dispute.id()).with(user(officer()))).andReturn().getResponse().getContentAsString();
		assertThat(other).as("masked when not asked for").contains("孙*").doesNotContain("13805720077");
	}

	@Test
	void theFiguresPeriodEndsTodayByDefaultAndNeverStartsAfterItEnds() throws Exception {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		DisputeMetrics.Metrics byDefault = (DisputeMetrics.Metrics) mvc.perform(get("/disputes/metrics").with(user(officer())))
			.andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("metrics");
		assertThat(byDefault.from()).isEqualTo(today.withDayOfYear(1));
		assertThat(byDefault.to()).isEqualTo(today);
		DisputeMetrics.Metrics reversed = (DisputeMetrics.Metrics) mvc.perform(get("/disputes/metrics").param("from", "2026-03-01")
			.param("to", "2026-02-01").with(user(officer()))).andReturn().getModelAndView().getModel().get("metrics");
		assertThat(reversed.from()).isEqualTo(LocalDate.of(2026, 2, 1));
		assertThat(reversed.to()).isEqualTo(LocalDate.of(2026, 2, 1));
		DisputeMetrics.Metrics garbled = (DisputeMetrics.Metrics) mvc.perform(get("/disputes/metrics").param("from", "yesterday")
			.with(user(officer()))).andReturn().getModelAndView().getModel().get("metrics");
		assertThat(garbled.from()).as("an unreadable day is no day").isEqualTo(today.withDayOfYear(1));
	}

	@Test
	void exportsHoldOnlyTheOfficersCasesAsFiltered() throws Exception {
		DisputeView high = disputes.receive(new NewDispute(town.id(), Disputes.Source.HOTLINE, DisputeType.LAND, RiskLevel.HIGH, new BigDecimal("88"),
				"宅基地纠纷", "两户争宅基地", parties()), DataScope.wholeDistrict());
		received();
		List<List<String>> rows = sheet(mvc.perform(get("/disputes/export").param("risk", "HIGH").with(user(officer())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
		assertThat(rows.get(0)).startsWith("编号", "登记日期", "受理单位", "纠纷类型", "风险等级");
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1)).startsWith(high.reference()).contains(town.name(), "土地纠纷", "高风险", "宅基地纠纷", "已登记");
		List<List<String>> figures = sheet(mvc.perform(get("/disputes/metrics/export").with(user(officer())))
			.andReturn().getResponse().getContentAsByteArray());
		assertThat(figures.get(0)).startsWith("单位或类型", "纠纷数");
		assertThat(figures).extracting(row -> row.get(0)).as("the unit, then the types (equal counts, any order), then the total")
			.hasSize(5).startsWith("单位或类型", town.name()).endsWith("合计").contains("土地纠纷", "邻里纠纷");
		assertThat(figures.get(figures.size() - 1).get(1)).isEqualTo("2");
	}

	@Test
	void theIntakeFormOffersOnlyActiveUnitsInTheOfficersScope() throws Exception {
		UnitView open = TestUnits.community(units, town, "open");
		UnitView closed = TestUnits.community(units, town, "closed");
		units.deactivate(closed.id(), DataScope.wholeDistrict());
		@SuppressWarnings("unchecked")
		List<UnitView> offered = (List<UnitView>) mvc.perform(get("/disputes/new").with(user(officer()))).andExpect(status().isOk())
			.andReturn().getModelAndView().getModel().get("units");
		assertThat(offered).extracting(UnitView::id).containsExactlyInAnyOrder(town.id(), open.id());
	}

	@Test
	void theListShowsTheOpenHighRiskCasesOfTheScopeApart() throws Exception {
		DisputeView open = disputes.receive(new NewDispute(town.id(), Disputes.Source.HOTLINE, DisputeType.LABOUR, RiskLevel.HIGH, null, "欠薪",
				"讨薪", parties()), DataScope.wholeDistrict());
		DisputeView ended = disputes.receive(new NewDispute(town.id(), Disputes.Source.HOTLINE, DisputeType.LABOUR, RiskLevel.HIGH, null, "欠薪",
				"讨薪", parties()), DataScope.wholeDistrict());
		disputes.act(ended.id(), DisputeAction.WITHDRAW, new Disputes.Step(null, null, null, null, "已结清"), ended.version(),
				DataScope.wholeDistrict());
		DisputeView low = received();
		var model = mvc.perform(get("/disputes").with(user(officer()))).andExpect(status().isOk()).andReturn().getModelAndView().getModel();
		@SuppressWarnings("unchecked")
		var highRisk = (org.minyi.platform.PageResult<DisputeView>) model.get("highRisk");
		assertThat(highRisk.items()).extracting(DisputeView::id).containsExactly(open.id());
		@SuppressWarnings("unchecked")
		var all = (org.minyi.platform.PageResult<DisputeView>) model.get("disputes");
		assertThat(all.items()).extracting(DisputeView::id).containsExactlyInAnyOrder(open.id(), ended.id(), low.id());
		@SuppressWarnings("unchecked")
		var filtered = (org.minyi.platform.PageResult<DisputeView>) mvc.perform(get("/disputes").param("status", "NO_SUCH").param("risk", "LOW")
			.with(user(officer()))).andReturn().getModelAndView().getModel().get("disputes");
		assertThat(filtered.items()).as("an unknown status is no filter").extracting(DisputeView::id).containsExactly(low.id());
	}

	private List<List<String>> sheet(byte[] xlsx) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				List<String> cells = new ArrayList<>();
				sheet.getRow(r).forEach(cell -> cells.add(format.formatCellValue(cell)));
				rows.add(cells);
			}
			return rows;
		}
	}

	private long reveals(DisputeView dispute) {
		return jdbc.sql("select count(*) from audit_entry where action = 'personal.reveal' and target_id = :id")
			.param("id", String.valueOf(dispute.id())).query(Long.class).single();
	}

	private long countIn(UnitView unit) {
		return jdbc.sql("select count(*) from dispute where unit_id = :unit").param("unit", unit.id()).query(Long.class).single();
	}

	private DisputeView received() {
		return disputes.receive(new NewDispute(town.id(), Disputes.Source.WALK_IN, DisputeType.NEIGHBOUR, RiskLevel.LOW, null, "邻里纠纷", "噪音",
				parties()), DataScope.wholeDistrict());
	}

	private static List<Party> parties() {
		return List.of(new Party("APPLICANT", "孙丽", "13805720077"), new Party("RESPONDENT", "周强", null));
	}

	private String refusedIntake(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private MockHttpServletRequestBuilder step(long id, String action, int version) {
		return post("/disputes/{id}/act", id).with(csrf()).with(user(officer())).param("action", action).param("version", String.valueOf(version));
	}

	private org.springframework.test.web.servlet.ResultActions act(long id, String action, int version) throws Exception {
		return mvc.perform(step(id, action, version));
	}

	/** The intake form as an officer posts it, for a case in the officer's township; risk is added by each test. */
	private MockHttpServletRequestBuilder intake() {
		return intake(town.id()).param("partyName", "孙丽", "周强");
	}

	/** Without party names, which a test may give itself. */
	private MockHttpServletRequestBuilder intake(long unitId) {
		return post("/disputes").with(csrf()).with(user(officer())).param("unitId", String.valueOf(unitId)).param("source", "WALK_IN")
			.param("type", "NEIGHBOUR").param("summary", "邻里纠纷").param("description", "噪音扰民")
			.param("partySide", "APPLICANT", "RESPONDENT").param("partyPhone", "13805720077", "");
	}

	private UserDetails officer() {
		return users.loadUserByUsername(officerName);
	}
}
