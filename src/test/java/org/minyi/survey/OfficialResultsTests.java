package org.minyi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.minyi.platform.audit.AuditEvent;
import org.minyi.platform.tabular.ExcelExport;
import org.minyi.platform.tabular.ImportProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@MinyiTest
@RecordApplicationEvents
class OfficialResultsTests {

	private static final String HEADER = "单位编码,单位名称,综合得分,安全感得分,满意度得分,排名,参评单位数,备注\n";

	@Autowired
	OfficialResults results;

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	UnitManagement units;

	@Autowired
	ApplicationEvents events;

	RoundView round;

	@BeforeEach
	void officialRound() {
		round = TestRounds.create(rounds, instruments, "official test", RoundKind.OFFICIAL, Set.of());
	}

	@Test
	void theDemoOfficialRoundCarriesThePublishedResults() {
		RoundView demo = rounds.list().stream().filter(r -> r.kind() == RoundKind.OFFICIAL && r.name().startsWith("2025")).findFirst().orElseThrow();
		OfficialResult district = results.of(demo.id()).get(units.findByCode("YJ").orElseThrow().id());
		assertThat(district.overallScore()).isEqualByComparingTo("88.62");
		assertThat(district.rankedAmong()).as("the rank itself is edited by the browser test").isEqualTo(12);
	}

	@Test
	void aGbkCsvFromExcelImportsAndIsAudited() {
		String csv = HEADER + "YJCG,城关街道,86.5,90,83,,,\nYJ,云江区,88.62,,,3,12,全市第3\n";
		assertThat(results.importFile(round.id(), new ByteArrayInputStream(csv.getBytes(Charset.forName("GBK"))))).isEmpty();
		OfficialResult chengguan = results.of(round.id()).get(units.findByCode("YJCG").orElseThrow().id());
		assertThat(chengguan.overallScore()).isEqualByComparingTo("86.5");
		assertThat(chengguan.rank()).isNull();
		assertThat(results.of(round.id()).get(units.findByCode("YJ").orElseThrow().id()).note()).isEqualTo("全市第3");
		assertThat(events.stream(AuditEvent.class).filter(e -> e.action().equals("official.save")))
			.singleElement().satisfies(e -> assertThat(e.summary()).contains("YJCG[-] -> YJCG[86.5/90/83 #null/null]"));
	}

	@Test
	void everyBadRowIsReportedWithItsNumberAndNothingIsStored() {
		String csv = HEADER + "YJCG,城关街道,86.5,,,,,\n" // fine on its own
				+ "NOPE,不存在,80,,,,,\n" // row 3
				+ "YJHK,河口镇,101,,,,,\n" // row 4
				+ "YJDH,东湖街道,八十,,,,,\n" // row 5
				+ "YJ,云江区,88,,,13,12,\n" // row 6
				+ "YJCG,城关街道,87,,,,,\n" // row 7
				+ "YJXS,西山街道,=1+1,,,,,\n"; // row 8
		List<ImportProblem> problems = results.importFile(round.id(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::messageKey).containsExactly(
				tuple(3, "official.import.unknownUnit"),
				tuple(4, "official.error.score"),
				tuple(5, "official.import.badNumber"),
				tuple(6, "official.error.rank"),
				tuple(7, "official.import.duplicateUnit"),
				tuple(8, "tabular.error.formula"));
		assertThat(results.of(round.id())).isEmpty();
		assertThat(events.stream(AuditEvent.class).filter(e -> e.action().equals("official.save"))).isEmpty();
	}

	@Test
	void theTemplateReimportsWithoutChanges() throws IOException {
		long chengguan = units.findByCode("YJCG").orElseThrow().id();
		results.save(round.id(), List.of(new OfficialResult(chengguan, new BigDecimal("86.50"), null, null, 2, 8, "备注")));
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (ExcelExport sheet = new ExcelExport("x", results.headers(Locale.SIMPLIFIED_CHINESE))) {
			results.template(round.id(), sheet);
			sheet.writeTo(xlsx);
		}
		assertThat(results.importFile(round.id(), new ByteArrayInputStream(xlsx.toByteArray()))).isEmpty();
		assertThat(events.stream(AuditEvent.class).filter(e -> e.action().equals("official.save"))).hasSize(1);
		assertThat(results.of(round.id()).get(chengguan).rank()).isEqualTo(2);
	}

	@Test
	void onlyOfficialRoundsHaveOfficialResults() {
		RoundView mock = TestRounds.create(rounds, instruments, "mock", RoundKind.MOCK, Set.of(Mode.WEB));
		assertThatThrownBy(() -> results.save(mock.id(), List.of())).hasMessage("official.error.kind");
		long department = units.findByCode("YJJWT").orElseThrow().id();
		assertThatThrownBy(() -> results.save(round.id(), List.of(new OfficialResult(department, BigDecimal.TEN, null, null, null, null, null))))
			.hasMessage("round.error.unitNotInScope");
	}
}
