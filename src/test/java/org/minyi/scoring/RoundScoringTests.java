package org.minyi.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.survey.Answers;
import org.minyi.survey.InstrumentCatalog;
import org.minyi.survey.Mode;
import org.minyi.survey.ResponseIntake;
import org.minyi.survey.RoundDraft;
import org.minyi.survey.RoundKind;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.minyi.survey.StandardAnswers;
import org.minyi.survey.invitation.InvitationBatch;
import org.minyi.survey.invitation.Invitations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Scoring a small round whose numbers are worked out by hand: two answers in 城关街道, two in 河口镇
 * (one of them "don't know"), weighted by the townships' adult populations from the demo district.
 */
@MinyiTest
class RoundScoringTests {

	@Autowired
	RoundScoring scoring;

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	Invitations invitations;

	@Autowired
	ResponseIntake intake;

	@Autowired
	UnitManagement units;

	@Autowired
	ScoringSettingsStore settings;

	@Autowired
	UnitReports reports;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void closingARoundScoresItOfficialStyleAndWeighted() throws Exception {
		RoundView round = fieldingRound();
		submit(round, "YJCG", "VERY_SAFE");
		submit(round, "YJCG", "SAFE");
		submit(round, "YJHK", "UNSAFE");
		submit(round, "YJHK", "DONT_KNOW");
		rounds.moveTo(round.id(), RoundStatus.CLOSED);
		ScoreSnapshot snapshot = Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> scoring.latest(round.id()), found -> found.isPresent())
			.orElseThrow();

		long district = units.findByCode("YJ").orElseThrow().id();
		long chengguan = units.findByCode("YJCG").orElseThrow().id();
		long hekou = units.findByCode("YJHK").orElseThrow().id();
		assertThat(snapshot.responseCount()).isEqualTo(4);
		assertThat(snapshot.weighting().orElseThrow().converged()).as("no woman answered: the gender margin cannot be met").isFalse();
		assertThat(row(snapshot, district, "SECURITY").official()).isCloseTo((100 + 80 + 0) / 3.0, within(1e-9));
		assertThat(row(snapshot, chengguan, "SECURITY").official()).isCloseTo(90, within(1e-9));
		assertThat(row(snapshot, hekou, "SECURITY").respondents()).isEqualTo(1);
		// every satisfaction answer is "satisfied" (80), see StandardAnswers: overall = 0.5 · security + 0.5 · 80
		assertThat(row(snapshot, district, "OVERALL").official()).isCloseTo(0.5 * 60 + 0.5 * 80, within(1e-9));

		// weighted: each respondent carries N_h / n_h of its township (n_h counts the "don't know" answer too)
		double nCg = units.findByCode("YJCG").orElseThrow().populationTotal();
		double nHk = units.findByCode("YJHK").orElseThrow().populationTotal();
		double expected = (nCg / 2 * 100 + nCg / 2 * 80 + nHk / 2 * 0) / (nCg + nHk / 2);
		assertThat(row(snapshot, district, "SECURITY").estimate()).isCloseTo(expected, within(1e-9));
		assertThat(row(snapshot, chengguan, "OVERALL").rank()).isEqualTo(1);
		assertThat(row(snapshot, hekou, "OVERALL").rank()).isEqualTo(2);
		assertThat(row(snapshot, units.findByCode("YJLX").orElseThrow().id(), "OVERALL").rank()).as("no answers, no rank").isNull();

		byte[] xlsx = mvc.perform(get("/scoring/rounds/{id}/export", round.id()).with(user(users.loadUserByUsername("leader"))))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("指标");
			assertThat(sheet.getLastRowNum()).as("one row per unit and indicator").isEqualTo(snapshot.rows().size());
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("云江区");
		}

		String officerPage = mvc.perform(get("/scoring/rounds/{id}", round.id()).with(user(users.loadUserByUsername("officer"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(officerPage).as("own township only").contains("id=\"result-YJCG\"").doesNotContain("id=\"result-YJHK\"")
			.doesNotContain("id=\"result-YJ\"");
		// 城关街道's overall official-style score is 0.5 · 90 + 0.5 · 80 = 85.00 on two respondents
		String districtPage = mvc.perform(get("/scoring/rounds/{id}", round.id()).with(user(users.loadUserByUsername("district"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(districtPage).contains("85.00");
		assertThat(officerPage).as("under the minimum cell of 10, no number shown").doesNotContain("85.00");
	}

	@Test
	void theDemoClosedMockRoundHasResults() {
		RoundView demo = rounds.list().stream().filter(r -> r.name().startsWith("2026年第三季度")).findFirst().orElseThrow();
		ScoreSnapshot snapshot = Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> scoring.latest(demo.id()), found -> found.isPresent())
			.orElseThrow();
		assertThat(snapshot.responseCount()).isGreaterThan(400);
		assertThat(snapshot.weighting().orElseThrow().margins()).containsExactly(ScoringSettings.CalibrationMargin.TOWNSHIP,
				ScoringSettings.CalibrationMargin.GENDER, ScoringSettings.CalibrationMargin.AGE_GROUP);
		assertThat(snapshot.weighting().orElseThrow().raked()).isTrue();
		assertThat(snapshot.rows()).filteredOn(r -> r.indicator().equals("OVERALL") && r.rank() != null).hasSize(8);
	}

	@Test
	void departmentsAreScoredOnTheirOwnIndicatorAndRankedTogether() {
		RoundView demo = demoRound("2026年第三季度");
		ScoreSnapshot snapshot = Awaitility.await().atMost(Duration.ofSeconds(20))
			.until(() -> scoring.latest(demo.id()), found -> found.isPresent()
					&& found.get().rows().stream().anyMatch(r -> r.unitId() == unit("YJGA")))
			.orElseThrow();
		ScoreRow police = row(snapshot, unit("YJGA"), "SATISFACTION_POLICE");
		assertThat(police.estimate()).as("the district's police satisfaction")
			.isEqualTo(row(snapshot, unit("YJ"), "SATISFACTION_POLICE").estimate());
		List<ScoreRow> departments = snapshot.rows().stream()
			.filter(r -> List.of(unit("YJGA"), unit("YJFY"), unit("YJJCY"), unit("YJSFJ")).contains(r.unitId()))
			.toList();
		assertThat(departments).hasSize(4).allSatisfy(r -> {
			assertThat(r.rankLower()).isLessThanOrEqualTo(r.rank());
			assertThat(r.rank()).isLessThanOrEqualTo(r.rankUpper());
		});
		assertThat(departments).extracting(ScoreRow::rank).contains(1);
	}

	@Test
	void weightingSettingsChooseTheMarginsAndAreChecked() throws Exception {
		RoundView round = fieldingRound();
		submit(round, "YJCG", "VERY_SAFE");
		submit(round, "YJHK", "UNSAFE");
		settings.save(round.id(), new ScoringSettings(Set.of(ScoringSettings.CalibrationMargin.TOWNSHIP), 0.5, 2.0, Map.of()));
		Weighting trimmed = scoring.compute(round.id()).weighting().orElseThrow();
		assertThat(trimmed.margins()).containsExactly(ScoringSettings.CalibrationMargin.TOWNSHIP);
		assertThat(trimmed.raked()).isTrue();
		assertThat(List.of(trimmed.trimLow(), trimmed.trimHigh())).containsExactly(0.5, 2.0);
		settings.save(round.id(), new ScoringSettings(Set.of(), null, null, Map.of()));
		assertThat(scoring.compute(round.id()).weighting().orElseThrow().raked()).isFalse();
		assertThat(settings.of(round.id()).margins()).isEmpty();
		Map<ScoringSettings, String> refused = Map.of(
				new ScoringSettings(Set.of(), 0.5, null, Map.of()), "scoring.settings.error.trimWithoutMargins",
				new ScoringSettings(Set.of(ScoringSettings.CalibrationMargin.GENDER), 1.5, null, Map.of()), "scoring.settings.error.trimLow",
				new ScoringSettings(Set.of(ScoringSettings.CalibrationMargin.GENDER), null, 0.5, Map.of()), "scoring.settings.error.trimHigh",
				new ScoringSettings(Set.of(), null, null, Map.of(unit("YJCG"), "SATISFACTION_POLICE")), "scoring.settings.error.department",
				new ScoringSettings(Set.of(), null, null, Map.of(unit("YJGA"), "NO_SUCH_INDICATOR")), "scoring.settings.error.department");
		refused.forEach((bad, key) -> assertThatThrownBy(() -> settings.save(round.id(), bad))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo(key)));
		assertThat(settings.of(round.id()).margins()).as("nothing refused was stored").isEmpty();

		var district = user(users.loadUserByUsername("district"));
		assertThat(mvc.perform(post("/scoring/rounds/{id}/settings", round.id()).with(district).with(csrf())
			.param("margin", "NO_SUCH_MARGIN")).andReturn().getResponse().getStatus()).isEqualTo(400);
		String flashError = mvc.perform(post("/scoring/rounds/{id}/settings", round.id()).with(district).with(csrf())
			.param("margin", "GENDER").param("trimLow", "abc")).andReturn().getFlashMap().get("flashError").toString();
		assertThat(flashError).contains("abc").contains("不是有效的数字");
		assertThat(settings.of(round.id()).margins()).as("forged or malformed forms change nothing").isEmpty();
	}

	/**
	 * The interim results of the fielding demo round against the closed one and the official ledger. The
	 * indicator contributions add up to the official-style gap to the district, the group effects to zero,
	 * and each what-if is the least number of answers that lifts the score to the target.
	 */
	@Test
	void aTownshipsReportExplainsItsScore() {
		RoundView current = demoRound("2026年第四季度");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> scoring.latest(current.id()).isPresent());
		UnitReport report = reports.of(current.id(), unit("YJCG")).orElseThrow();
		// other tests' rounds share the database: the previous round is an earlier fielded one with results for the unit
		assertThat(report.previous().round().periodStart()).isBefore(current.periodStart());
		assertThat(report.previous().round().kind().isFielded()).isTrue();
		ScoreRow before = report.previous().rows().get("OVERALL");
		assertThat(report.previous().change().difference()).isCloseTo(report.main().estimate() - before.estimate(), within(1e-9));
		assertThat(report.ledger().round().kind()).isEqualTo(RoundKind.OFFICIAL);
		assertThat(report.ledger().result().overallScore()).isNotNull();
		assertThat(report.trend()).extracting(UnitReport.TrendPoint::round)
			.contains(report.ledger().round().name())
			.containsSubsequence(report.previous().round().name(), current.name())
			.last().isEqualTo(current.name());
		assertThat(report.trend().get(report.trend().size() - 1).estimate()).isEqualTo(report.main().estimate());
		double gap = report.main().official() - report.district().get("OVERALL").official();
		assertThat(report.indicatorGaps().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(gap, within(1e-9));
		assertThat(report.groups()).containsKeys("GENDER", "AGE_GROUP", "COMMUNITY");
		report.groups().values().forEach(effects -> assertThat(effects.stream().mapToDouble(e -> e.contribution()).sum())
			.isCloseTo(0, within(1e-9)));
		assertThat(report.target()).isEqualTo(85.0);
		assertThat(report.whatIf()).hasSize(5);
		for (UnitReport.WhatIf w : report.whatIf().stream().filter(x -> x.needed() != null && x.needed() > 0).toList()) {
			double lambda = w.indicator().equals("SECURITY") ? 0.5 : 0.125;
			double perAnswer = lambda * 50 / w.valid();
			assertThat(report.main().official() + w.needed() * perAnswer).isGreaterThanOrEqualTo(85 - 1e-9);
			assertThat(report.main().official() + (w.needed() - 1) * perAnswer).isLessThan(85);
			assertThat(w.needed()).isLessThanOrEqualTo(w.negative());
		}
	}

	@Test
	void unitPagesFollowTheDataScope() throws Exception {
		RoundView closed = demoRound("2026年第三季度");
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> scoring.latest(closed.id()).isPresent());
		String own = mvc.perform(get("/scoring/rounds/{id}/units/{u}", closed.id(), unit("YJCG"))
			.with(user(users.loadUserByUsername("officer")))).andReturn().getResponse().getContentAsString();
		assertThat(own).contains("id=\"unit-indicators\"", "id=\"radar-chart\"");
		assertThat(mvc.perform(get("/scoring/rounds/{id}/units/{u}", closed.id(), unit("YJHK"))
			.with(user(users.loadUserByUsername("officer")))).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/scoring/rounds/{id}/units/{u}", closed.id(), unit("YJHK"))
			.with(user(users.loadUserByUsername("leader")))).andReturn().getResponse().getStatus()).isEqualTo(200);
	}

	private RoundView demoRound(String prefix) {
		return rounds.list().stream().filter(r -> r.name().startsWith(prefix)).findFirst().orElseThrow();
	}

	private long unit(String code) {
		return units.findByCode(code).orElseThrow().id();
	}

	private RoundView fieldingRound() {
		long standard = instruments.list().stream().filter(v -> v.code().equals("STANDARD") && !v.isDraft()).findFirst().orElseThrow().id();
		RoundView round = rounds.create(new RoundDraft("scoring test", RoundKind.MOCK, LocalDate.of(2026, 11, 1),
				LocalDate.of(2026, 11, 30), standard, Set.of(Mode.WEB)));
		return rounds.moveTo(round.id(), RoundStatus.FIELDING);
	}

	private void submit(RoundView round, String township, String security) {
		InvitationBatch batch = invitations.generate(round.id(), units.findByCode(township).orElseThrow().id(), 1);
		Map<String, List<String>> answers = StandardAnswers.complete();
		answers.remove("S4");
		answers.put("S3", List.of(township));
		answers.put("Q1", List.of(security));
		if (security.equals("UNSAFE")) {
			answers.put("Q1a", List.of("THEFT"));
		}
		intake.submit(intake.byToken(invitations.tokens(batch.id()).get(0).token()), Answers.of(answers), Mode.WEB, null);
	}

	private static ScoreRow row(ScoreSnapshot snapshot, long unit, String indicator) {
		return snapshot.rows().stream().filter(r -> r.unitId() == unit && r.indicator().equals(indicator)).findFirst().orElseThrow();
	}
}
