package org.minyi.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.TestUnits;
import org.minyi.org.UnitManagement;
import org.minyi.org.UnitView;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.RecordNotFoundException;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.ExcelExport;
import org.minyi.platform.tabular.ImportProblem;
import org.minyi.platform.tabular.TabularReader;
import org.minyi.workplan.Ledgers.LedgerEntry;
import org.minyi.workplan.Ledgers.LedgerFilter;
import org.minyi.workplan.WorkTasks.TaskFilter;
import org.minyi.workplan.WorkTasks.TaskView;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Ledgers: field checks, data scope, all-or-nothing import from UTF-8/GBK CSV and XLSX with
 * row-level problems, export, and entries attached to tasks as evidence. Each test keeps its
 * entries in a township of its own, so counts are exact on a shared database.
 */
@MinyiTest
class LedgersTests {

	private static final DataScope DISTRICT = DataScope.wholeDistrict();

	@Autowired
	Ledgers ledgers;

	@Autowired
	UnitManagement units;

	@Autowired
	WorkPlans plans;

	@Autowired
	WorkTasks tasks;

	UnitView township;

	DataScope officer;

	@BeforeEach
	void ownTownship() {
		township = TestUnits.township(units, "ledger town");
		officer = TestUnits.officerOf(township);
	}

	@Test
	void everyFieldIsCheckedAndAllProblemsAreToldAtOnce() {
		Map<String, String> meeting = new HashMap<>(Map.of("meetingType", "NOT_A_TYPE", "date", LocalDate.now().plusDays(2).toString(),
				"place", "", "chairedBy", "x".repeat(101), "attendance", "forty"));
		assertThatThrownBy(() -> ledgers.create(LedgerKind.MEETING, township.id(), meeting, officer))
			.isInstanceOfSatisfying(Ledgers.InvalidEntry.class, e -> assertThat(e.problems())
				.extracting(p -> p.field() + ":" + p.messageKey())
				.containsExactly("meetingType:ledger.error.choice", "date:ledger.error.dateRange", "place:ledger.error.required",
						"chairedBy:ledger.error.tooLong", "attendance:ledger.error.number"));
		Map<String, String> area = Map.of("areaType", "MARKET", "areaName", "market", "cameras", "12", "coverage", "100.5");
		assertThatThrownBy(() -> ledgers.create(LedgerKind.KEY_AREA, township.id(), area, officer))
			.isInstanceOfSatisfying(Ledgers.InvalidEntry.class, e -> assertThat(e.problems())
				.extracting(Ledgers.FieldProblem::messageKey).containsExactly("ledger.error.decimal"));
		assertThat(ledgers.list(LedgerKind.MEETING, new LedgerFilter(township.id(), null, null), DISTRICT, page()).total()).isZero();

		LedgerEntry saved = ledgers.create(LedgerKind.KEY_AREA, township.id(),
				Map.of("areaType", "MARKET", "areaName", " 农贸市场 ", "cameras", "012", "coverage", "87.5%"), officer);
		assertThat(saved.values()).containsExactly(Map.entry("areaType", "MARKET"), Map.entry("areaName", "农贸市场"),
				Map.entry("cameras", "12"), Map.entry("coverage", "87.5"));
	}

	@Test
	void anOfficerKeepsTheLedgersOfTheirOwnUnitsOnly() {
		UnitView other = units.findByCode("YJDH").orElseThrow();
		LedgerEntry theirs = ledgers.create(LedgerKind.LEADING_GROUP, other.id(),
				Map.of("groupRole", "GROUP_LEADER", "personName", "陈玉兰", "position", "书记"), DISTRICT);
		assertThatThrownBy(() -> ledgers.create(LedgerKind.LEADING_GROUP, other.id(),
				Map.of("groupRole", "MEMBER", "personName", "x", "position", "y"), officer))
			.isInstanceOf(BusinessRuleException.class).hasFieldOrPropertyWithValue("messageKey", "ledger.error.unit");
		assertThatThrownBy(() -> ledgers.find(theirs.id(), officer)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> ledgers.update(theirs.id(), theirs.version(), theirs.values(), officer))
			.isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> ledgers.delete(theirs.id(), officer)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> ledgers.list(LedgerKind.LEADING_GROUP, new LedgerFilter(other.id(), null, null), officer, page()))
			.isInstanceOf(RecordNotFoundException.class);
		LedgerEntry own = ledgers.create(LedgerKind.LEADING_GROUP, township.id(),
				Map.of("groupRole", "GROUP_LEADER", "personName", "张三", "position", "书记"), officer);
		assertThat(ledgers.list(LedgerKind.LEADING_GROUP, new LedgerFilter(null, null, null), officer, page()).items())
			.extracting(LedgerEntry::id).containsExactly(own.id());
		LedgerEntry changed = ledgers.update(own.id(), own.version(), Map.of("groupRole", "GROUP_LEADER", "personName", "张三",
				"position", "党工委书记"), officer);
		assertThat(changed.value("position")).isEqualTo("党工委书记");
		assertThatThrownBy(() -> ledgers.update(own.id(), own.version(), own.values(), officer))
			.as("an edit made on a stale copy").hasFieldOrPropertyWithValue("messageKey", "ledger.error.stale");
	}

	@Test
	void aGoodFileIsImportedWhateverItsEncodingOrFormat() throws IOException {
		LocalDate day = LocalDate.now().minusDays(3);
		List<List<String>> rows = List.of(List.of("单位编码", "活动形式", "日期", "地点", "覆盖人数", "活动简介"),
				List.of(township.code(), "知识竞赛", day.toString(), "社区中心", "120", ""),
				List.of(township.code(), "DOOR_TO_DOOR", day.getYear() + "/" + day.getMonthValue() + "/" + day.getDayOfMonth(), "二组", "45", "入户"),
				List.of(township.code(), "New media", day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日", "公众号",
						"3,000".replace(",", ""), ""));
		assertThat(ledgers.importFile(LedgerKind.PUBLICITY, csv(rows, StandardCharsets.UTF_8), officer).created()).isEqualTo(3);
		assertThat(ledgers.importFile(LedgerKind.PUBLICITY, csv(rows, Charset.forName("GBK")), officer).created()).isEqualTo(3);
		assertThat(ledgers.importFile(LedgerKind.PUBLICITY, xlsx(rows), officer).created()).isEqualTo(3);

		List<LedgerEntry> entries = ledgers.list(LedgerKind.PUBLICITY, new LedgerFilter(township.id(), day.getYear(), null), officer, page())
			.items();
		assertThat(entries).hasSize(9).allSatisfy(entry -> assertThat(entry.value("date")).isEqualTo(day.toString()));
		assertThat(entries).extracting(LedgerEntry::category).containsOnly("QUIZ", "DOOR_TO_DOOR", "NEW_MEDIA");
		assertThat(ledgers.list(LedgerKind.PUBLICITY, new LedgerFilter(township.id(), null, "QUIZ"), officer, page()).total()).isEqualTo(3);
		assertThat(ledgers.list(LedgerKind.PUBLICITY, new LedgerFilter(township.id(), day.getYear() - 1, null), officer, page()).total())
			.isZero();
	}

	/** A date typed into Excel is a date cell with Excel's default format, read back as 11/2/26. */
	@Test
	void aDateCellFromExcelIsRead() throws IOException {
		LocalDate day = LocalDate.now().minusDays(10);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet();
			List<String> header = List.of("单位编码", "会议类型", "日期", "地点", "主持人", "参会人数");
			Row first = sheet.createRow(0);
			for (int c = 0; c < header.size(); c++) {
				first.createCell(c).setCellValue(header.get(c));
			}
			Row row = sheet.createRow(1);
			row.createCell(0).setCellValue(township.code());
			row.createCell(1).setCellValue("动员部署会");
			CellStyle dateStyle = workbook.createCellStyle();
			dateStyle.setDataFormat((short) 14);
			row.createCell(2).setCellValue(day);
			row.getCell(2).setCellStyle(dateStyle);
			row.createCell(3).setCellValue("会议室");
			row.createCell(4).setCellValue("书记");
			row.createCell(5).setCellValue(35);
			workbook.write(out);
			assertThat(ledgers.importFile(LedgerKind.MEETING, new ByteArrayInputStream(out.toByteArray()), officer).problems()).isEmpty();
		}
		LedgerEntry entry = ledgers.list(LedgerKind.MEETING, new LedgerFilter(township.id(), null, null), officer, page()).items().get(0);
		assertThat(entry.value("date")).isEqualTo(day.toString());
		assertThat(entry.value("attendance")).isEqualTo("35");
	}

	@Test
	void aFileWithAnyBadRowImportsNothingAndNamesEveryProblemByRow() throws IOException {
		UnitView outside = units.findByCode("YJDH").orElseThrow();
		List<List<String>> rows = List.of(List.of("单位编码", "区域类型", "区域名称", "摄像头数量", "视频覆盖率（%）", "最近检查日期", "备注"),
				List.of(township.code(), "集贸市场", "市场", "10", "90", "", ""),
				List.of(outside.code(), "集贸市场", "别人的市场", "10", "90", "", ""),
				List.of(township.code(), "机场", "x", "-1", "120", "2026-02-30", ""),
				List.of(township.code(), "景区", "=HYPERLINK(\"http://evil\")", "1", "1", "", ""));
		Ledgers.ImportResult result = ledgers.importFile(LedgerKind.KEY_AREA, csv(rows, StandardCharsets.UTF_8), officer);
		assertThat(result.created()).isZero();
		assertThat(result.problems()).extracting(p -> p.row() + ":" + p.messageKey() + ":" + List.of(p.arguments()))
			.containsExactly("3:ledger.import.unit:[" + outside.code() + "]", "4:ledger.import.field:[区域类型, 请从列表中选择]",
					"4:ledger.import.field:[摄像头数量, 请填写 0 到 10000000 之间的整数]",
					"4:ledger.import.field:[视频覆盖率（%）, 请填写不小于 0 的数字，最多 1 位小数]",
					"4:ledger.import.field:[最近检查日期, 日期格式不正确，请写成 2026-11-02]", "5:tabular.error.formula:[]");
		assertThat(ledgers.list(LedgerKind.KEY_AREA, new LedgerFilter(township.id(), null, null), officer, page()).total()).isZero();

		List<ImportProblem> header = ledgers.importFile(LedgerKind.KEY_AREA,
				csv(List.of(List.of("单位编码", "区域名称", "颜色"), List.of(township.code(), "x", "red")), StandardCharsets.UTF_8), officer).problems();
		assertThat(header).extracting(p -> p.messageKey() + ":" + List.of(p.arguments()))
			.contains("unit.import.unknownColumn:[颜色]", "unit.import.missingColumn:[区域类型]", "unit.import.missingColumn:[摄像头数量]");
		assertThat(ledgers.importFile(LedgerKind.KEY_AREA, new ByteArrayInputStream(new byte[] { 1, 0, 2 }), officer).problems())
			.extracting(ImportProblem::messageKey).containsExactly("tabular.error.notText");
	}

	@Test
	void theExportHoldsTheFilteredEntriesWithLabelsAndTheFundingTotalsAddUp() throws Exception {
		int year = LocalDate.now().getYear();
		ledgers.create(LedgerKind.FUNDING, township.id(), Map.of("year", String.valueOf(year), "budgetLine", "宣传", "allocated", "80000",
				"spent", "56300.5"), officer);
		ledgers.create(LedgerKind.FUNDING, township.id(), Map.of("year", String.valueOf(year), "budgetLine", "走访", "allocated", "1,200.25",
				"spent", "0"), officer);
		ledgers.create(LedgerKind.FUNDING, township.id(), Map.of("year", String.valueOf(year - 1), "budgetLine", "去年", "allocated", "5",
				"spent", "5"), officer);
		LedgerFilter thisYear = new LedgerFilter(township.id(), year, null);
		Ledgers.FundingTotals totals = ledgers.fundingTotals(thisYear, officer);
		assertThat(totals.allocated()).isEqualByComparingTo(new BigDecimal("81200.25"));
		assertThat(totals.spent()).isEqualByComparingTo(new BigDecimal("56300.50"));

		ledgers.create(LedgerKind.MEETING, township.id(), Map.of("meetingType", "PROGRESS", "date", LocalDate.now().toString(), "place", "会议室",
				"chairedBy", "主任", "attendance", "12"), officer);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ExcelExport sheet = new ExcelExport("x", ledgers.headers(LedgerKind.MEETING, Locale.SIMPLIFIED_CHINESE))) {
			ledgers.export(LedgerKind.MEETING, new LedgerFilter(township.id(), null, null), officer, sheet, Locale.SIMPLIFIED_CHINESE);
			sheet.writeTo(out);
		}
		List<List<String>> read = new ArrayList<>();
		TabularReader.read(new ByteArrayInputStream(out.toByteArray()), 100, row -> read.add(row.cells()));
		assertThat(read.get(0)).startsWith("单位编码", "会议类型", "日期", "地点", "主持人", "参会人数");
		assertThat(read).hasSize(2);
		assertThat(read.get(1)).startsWith(township.code(), "工作推进会", LocalDate.now().toString(), "会议室", "主任", "12");
	}

	@Test
	void anEntryOfTheTasksOwnUnitIsEvidenceAndThenCannotBeDeleted() {
		WorkPlans.PlanView plan = plans.createFromTemplate("ledger evidence", LocalDate.now());
		plans.publish(plan.id());
		TaskView task = tasks.list(new TaskFilter(plan.id(), township.id(), null, false), officer, page()).items().get(0);
		LedgerEntry meeting = ledgers.create(LedgerKind.MEETING, township.id(), Map.of("meetingType", "MOBILISATION",
				"date", LocalDate.now().toString(), "place", "会议室", "chairedBy", "书记", "attendance", "40"), officer);
		LedgerEntry otherUnits = ledgers.create(LedgerKind.MEETING, units.findByCode("YJDH").orElseThrow().id(), Map.of("meetingType", "OTHER",
				"date", LocalDate.now().toString(), "place", "x", "chairedBy", "y", "attendance", "1"), DISTRICT);

		tasks.attachLedgerEntry(task.id(), meeting.id(), officer);
		assertThat(tasks.find(task.id(), officer).status()).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(tasks.evidence(task.id(), officer)).extracting(WorkTasks.Evidence::ledgerEntryId).containsExactly(meeting.id());
		assertThatThrownBy(() -> tasks.attachLedgerEntry(task.id(), meeting.id(), officer))
			.hasFieldOrPropertyWithValue("messageKey", "workplan.ledger.error.already");
		assertThatThrownBy(() -> tasks.attachLedgerEntry(task.id(), otherUnits.id(), officer)).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> ledgers.delete(meeting.id(), officer)).hasFieldOrPropertyWithValue("messageKey", "ledger.error.attached");

		tasks.act(task.id(), TaskAction.SUBMIT, null, tasks.find(task.id(), officer).version(), officer);
		assertThat(tasks.find(task.id(), officer).status()).isEqualTo(TaskStatus.SUBMITTED);
		LedgerEntry loose = ledgers.create(LedgerKind.MEETING, township.id(), Map.of("meetingType", "OTHER", "date", LocalDate.now().toString(),
				"place", "x", "chairedBy", "y", "attendance", "1"), officer);
		ledgers.delete(loose.id(), officer);
		assertThatThrownBy(() -> ledgers.find(loose.id(), officer)).isInstanceOf(RecordNotFoundException.class);
	}

	private static PageRequest page() {
		return PageRequest.of(0, 200, null, null);
	}

	private static InputStream csv(List<List<String>> rows, Charset charset) {
		StringBuilder text = new StringBuilder();
		rows.forEach(row -> text.append(String.join(",", row.stream().map(cell -> "\"" + cell.replace("\"", "\"\"") + "\"").toList()))
			.append("\r\n"));
		return new ByteArrayInputStream(text.toString().getBytes(charset));
	}

	private static InputStream xlsx(List<List<String>> rows) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			XSSFSheet sheet = workbook.createSheet();
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows.get(r).size(); c++) {
					row.createCell(c).setCellValue(rows.get(r).get(c));
				}
			}
			workbook.write(out);
			return new ByteArrayInputStream(out.toByteArray());
		}
	}
}
