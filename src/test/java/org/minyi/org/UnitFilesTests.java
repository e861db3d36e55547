package org.minyi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.ExcelExport;
import org.minyi.platform.tabular.ImportProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The unit file: headers in Chinese or English in any order, CSV in UTF-8 (with or without BOM) or
 * XLSX, kinds and numbers as people type them, every problem with its row and nothing changed, and
 * the export of exactly the caller's subtree. Each test imports below a township of its own.
 */
@MinyiTest
class UnitFilesTests {

	private static final String ZH = "单位编码,单位名称,单位类型,上级单位编码,负责人,联系电话,常住人口(18岁及以上)";

	private static final List<String> ZH_POPULATION = List.of("男18-29岁人口", "男30-44岁人口", "男45-59岁人口", "男60岁及以上人口", "女18-29岁人口",
			"女30-44岁人口", "女45-59岁人口", "女60岁及以上人口");

	@Autowired
	UnitFiles files;

	@Autowired
	UnitManagement units;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	UnitView town;

	String p;

	@BeforeEach
	void township() {
		town = TestUnits.township(units, "file town");
		p = town.code();
	}

	@Test
	void theTemplateHasTheFixedColumnsThenOneForEachPopulationCell() throws Exception {
		List<String> expected = new ArrayList<>(List.of(ZH.split(",")));
		expected.addAll(ZH_POPULATION);
		assertThat(files.headers(Locale.SIMPLIFIED_CHINESE)).containsExactlyElementsOf(expected);
		assertThat(files.headers(Locale.ENGLISH)).startsWith("Code", "Name", "Kind", "Parent code").contains("Female 60+ population").hasSize(15);
		byte[] xlsx = mvc.perform(get("/org/units/template").with(user(users.loadUserByUsername("district"))))
			.andReturn().getResponse().getContentAsByteArray();
		List<List<String>> rows = read(xlsx);
		assertThat(rows).as("headers only").hasSize(1);
		assertThat(rows.get(0)).containsExactlyElementsOf(expected);
	}

	@Test
	void englishHeadersInAnyOrderAndAUtf8BomAreAccepted() {
		String csv = "\uFEFFParent code,Kind,Name,Code,Male 18-29 population,Female 60+ population,Population (18+)\n"
				+ p + ",community," + "English社区," + p + "E,1,200,\"1,201\"\n"
				+ p + ",Community,English二社区," + p + "F,,,\n";
		UnitImportResult result = importCsv(csv);
		assertThat(result.problems()).isEmpty();
		assertThat(result.created()).isEqualTo(2);
		UnitView imported = units.findByCode(p + "E").orElseThrow();
		assertThat(imported.kind()).isEqualTo(UnitKind.COMMUNITY);
		assertThat(imported.parentId()).isEqualTo(town.id());
		assertThat(imported.populationTotal()).as("thousands separators are read").isEqualTo(1201);
		assertThat(imported.population()).containsOnly(Map.entry(new PopulationCell(Gender.MALE, AgeGroup.AGE_18_29), 1),
				Map.entry(new PopulationCell(Gender.FEMALE, AgeGroup.AGE_60_PLUS), 200));
		assertThat(units.findByCode(p + "F").orElseThrow().population()).as("empty cells are no figures").isEmpty();
	}

	@Test
	void numbersMustBeWholeNonNegativeAndAtMostAHundredMillion() {
		String csv = ZH + "\n"
				+ p + "A,甲,村/社区," + p + ",,,12.0\n" // fine: a whole number as Excel writes it
				+ p + "B,乙,村/社区," + p + ",,,12.5\n"
				+ p + "C,丙,村/社区," + p + ",,,一千\n"
				+ p + "D,丁,村/社区," + p + ",,,100000001\n";
		UnitImportResult result = importCsv(csv);
		assertThat(result.problems()).extracting(ImportProblem::row, ImportProblem::messageKey)
			.containsExactly(tuple(3, "unit.import.badNumber"), tuple(4, "unit.import.badNumber"), tuple(5, "unit.import.badNumber"));
		assertThat(result.problems().get(1).arguments()).containsExactly("一千");
		assertThat(units.findByCode(p + "A")).isEmpty();
		assertThat(importCsv(ZH + "\n" + p + "A,甲,村/社区," + p + ",,,12.0\n" + p + "D,丁,村/社区," + p + ",,,100000000\n").problems()).isEmpty();
		assertThat(units.findByCode(p + "A").orElseThrow().populationTotal()).isEqualTo(12);
		assertThat(units.findByCode(p + "D").orElseThrow().populationTotal()).isEqualTo(100_000_000);
	}

	@Test
	void fieldsAreCheckedAsOnTheFormAndEveryRowNeedsAParent() {
		String csv = ZH + "\n"
				+ p + "/1,斜杠,村/社区," + p + ",,,\n" // row 2: code pattern
				+ p + "A,,村/社区," + p + ",,,\n" // row 3: no name
				+ p + "B,电话,村/社区," + p + ",,电话号码,\n" // row 4: phone pattern
				+ p + "C,无上级,村/社区,,,,\n" // row 5: no parent
				+ p + "D,单位,企事业单位," + p + "E,,,\n" // row 6: fine, an institution may hang under a department of the file
				+ p + "E,部门,DEPARTMENT,YJ,,,\n"
				+ p + "F,挂错,INSTITUTION," + p + "G,,,\n" // row 8: under an institution of the file
				+ p + "G,单位,INSTITUTION," + p + ",,,\n";
		UnitImportResult result = importCsv(csv);
		assertThat(result.problems()).extracting(ImportProblem::row, ImportProblem::messageKey).containsExactlyInAnyOrder(
				tuple(2, "unit.import.invalidField"), tuple(3, "unit.import.invalidField"), tuple(4, "unit.import.invalidField"),
				tuple(5, "unit.error.parentRequired"), tuple(8, "unit.error.kindParent"));
		assertThat(result.problems()).filteredOn(problem -> problem.row() == 4).singleElement()
			.satisfies(problem -> assertThat(problem.arguments()[0]).isEqualTo("contactPhone"));
		assertThat(units.findByCode(p + "E")).as("nothing imported").isEmpty();
		assertThat(units.findByCode(p + "G")).isEmpty();
	}

	@Test
	void unknownOrMissingColumnsRefuseTheWholeFile() {
		UnitImportResult unknown = importCsv(ZH + ",备注\n" + p + "A,甲,村/社区," + p + ",,,,x\n");
		assertThat(unknown.problems()).extracting(ImportProblem::row, ImportProblem::messageKey).containsExactly(tuple(1, "unit.import.unknownColumn"));
		assertThat(unknown.problems().get(0).arguments()).containsExactly("备注");
		UnitImportResult missing = importCsv("单位编码,单位名称\n" + p + "A,甲\n");
		assertThat(missing.problems()).extracting(ImportProblem::messageKey).containsOnly("unit.import.missingColumn");
		assertThat(missing.problems()).extracting(problem -> problem.arguments()[0]).containsExactly("单位类型", "上级单位编码");
		assertThat(units.findByCode(p + "A")).isEmpty();
	}

	@Test
	void aFileWithoutDataRowsOrWithTooManyIsRefused() {
		assertThat(importCsv(ZH + "\n,,,,,,\n\n").problems()).extracting(ImportProblem::row, ImportProblem::messageKey)
			.as("blank rows are no data").containsExactly(tuple(0, "tabular.error.noData"));
		StringBuilder csv = new StringBuilder(ZH).append('\n');
		for (int i = 0; i <= UnitFiles.MAX_ROWS; i++) {
			csv.append(p).append('R').append(i).append(",行,村/社区,").append(p).append(",,,\n");
		}
		assertThat(importCsv(csv.toString()).problems()).extracting(ImportProblem::messageKey).containsExactly("tabular.error.tooManyRows");
		assertThat(units.findByCode(p + "R0")).isEmpty();
	}

	@Test
	void blankRowsAreSkippedAndKnownCodesAreUpdated() {
		UnitView community = TestUnits.community(units, town, "old name");
		String csv = ZH + "\n"
				+ community.code() + ",新名字,村/社区," + p + ",赵六,0571-88881234,900\n"
				+ ",,,,,,\n"
				+ p + "N,新社区,村/社区," + p + ",,,\n";
		UnitImportResult result = importCsv(csv);
		assertThat(result.problems()).isEmpty();
		assertThat(result.created()).isEqualTo(1);
		assertThat(result.updated()).isEqualTo(1);
		assertThat(units.findById(community.id()).orElseThrow()).satisfies(u -> {
			assertThat(u.name()).isEqualTo("新名字");
			assertThat(u.leaderName()).isEqualTo("赵六");
			assertThat(u.populationTotal()).isEqualTo(900);
		});
	}

	@Test
	void aRowTheServiceRefusesRollsBackTheRowsBeforeIt() {
		UnitView community = TestUnits.community(units, town, "has children");
		UnitView institution = units.create(new UnitDraft(community.code() + "I", "学校", UnitKind.INSTITUTION, community.code(), null, null, null,
				Map.of()));
		String csv = ZH + "\n"
				+ p + "NEW,新社区,村/社区," + p + ",,,\n"
				+ community.code() + ",改名,INSTITUTION," + p + ",,,\n"; // row 3: a unit with children cannot change its kind
		UnitImportResult result = importCsv(csv);
		assertThat(result.problems()).extracting(ImportProblem::row, ImportProblem::messageKey).containsExactly(tuple(3, "unit.error.kindWithChildren"));
		assertThat(result.created()).isZero();
		assertThat(units.findByCode(p + "NEW")).as("the row before was rolled back").isEmpty();
		assertThat(units.findById(community.id()).orElseThrow().name()).isEqualTo(community.name());
		assertThat(units.findById(institution.id()).orElseThrow().parentId()).isEqualTo(community.id());

		UnitImportResult root = importCsv(ZH + "\n" + p + "NEW,新社区,村/社区," + p + ",,,\n" + p + "ROOT,第二个区,区,,,,\n");
		assertThat(root.problems()).extracting(ImportProblem::row, ImportProblem::messageKey).containsExactly(tuple(3, "unit.error.singleRoot"));
		assertThat(units.findByCode(p + "NEW")).isEmpty();
	}

	@Test
	void anXlsxFileIsImportedLikeACsv() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet("单位");
			String[][] rows = { ZH.split(","), { p + "X", "表格社区", "村/社区", p, "钱七", "", "" } };
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			sheet.getRow(1).createCell(6).setCellValue(2500);
			workbook.write(out);
		}
		UnitImportResult result = files.importFile(new ByteArrayInputStream(out.toByteArray()));
		assertThat(result.problems()).isEmpty();
		assertThat(units.findByCode(p + "X").orElseThrow()).satisfies(u -> {
			assertThat(u.parentId()).isEqualTo(town.id());
			assertThat(u.leaderName()).isEqualTo("钱七");
			assertThat(u.populationTotal()).as("a numeric cell").isEqualTo(2500);
		});
	}

	@Test
	void theExportHoldsExactlyTheScopeParentsFirstWithKindParentFiguresAndStatus() throws Exception {
		PopulationCell men = new PopulationCell(Gender.MALE, AgeGroup.AGE_30_44);
		UnitView community = units.create(new UnitDraft(p + "C", "导出社区", UnitKind.COMMUNITY, p, "孙八", "0571-1", 100, Map.of(men, 40)));
		UnitView closed = units.create(new UnitDraft(p + "Z", "已停用社区", UnitKind.COMMUNITY, p, null, null, null, Map.of()));
		units.deactivate(closed.id(), DataScope.wholeDistrict());
		TestUnits.township(units, "not exported");
		List<String> headers = new ArrayList<>(files.headers(Locale.SIMPLIFIED_CHINESE));
		headers.add("状态");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ExcelExport sheet = new ExcelExport("units", headers)) {
			files.export(sheet, TestUnits.officerOf(town), Locale.SIMPLIFIED_CHINESE);
			sheet.writeTo(out);
		}
		List<List<String>> rows = read(out.toByteArray());
		assertThat(rows).extracting(row -> row.get(0)).containsExactly("单位编码", p, p + "C", p + "Z");
		assertThat(rows.get(2)).containsExactly(p + "C", "导出社区", "村/社区", p, "孙八", "0571-1", "100", "", "40", "", "", "", "", "", "", "启用");
		assertThat(rows.get(3).get(15)).isEqualTo("已停用");
		assertThat(rows.get(1).get(2)).isEqualTo("镇/街道");
	}

	@Test
	void kindsAreReadInChineseOrEnglishWithoutRegardToCaseOrSpaces() {
		String csv = "Code,Name,Kind,Parent code\n"
				+ p + "PL,政法单位,political-legal  department,YJ\n"
				+ p + "DP,区直单位,区直部门,YJ\n"
				+ p + "IN,学校,institution," + p + "DP\n"
				+ p + "XX,未知,街道,YJ\n";
		UnitImportResult refused = importCsv(csv);
		assertThat(refused.problems()).extracting(ImportProblem::row, ImportProblem::messageKey).containsExactly(tuple(5, "unit.import.badKind"));
		assertThat(refused.problems().get(0).arguments()).containsExactly("街道");
		UnitImportResult result = importCsv(csv.substring(0, csv.lastIndexOf(p + "XX")));
		assertThat(result.problems()).isEmpty();
		assertThat(units.findByCode(p + "PL").orElseThrow().kind()).isEqualTo(UnitKind.POLITICAL_LEGAL);
		assertThat(units.findByCode(p + "DP").orElseThrow().kind()).isEqualTo(UnitKind.DEPARTMENT);
		assertThat(units.findByCode(p + "IN").orElseThrow().parentId()).isEqualTo(units.findByCode(p + "DP").orElseThrow().id());
	}

	private UnitImportResult importCsv(String csv) {
		return files.importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
	}

	/** Every row as text, blank cells as "" up to the header's width. */
	private static List<List<String>> read(byte[] xlsx) throws Exception {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter format = new DataFormatter();
			int width = sheet.getRow(0).getLastCellNum();
			List<List<String>> rows = new ArrayList<>();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < width; c++) {
					cells.add(sheet.getRow(r).getCell(c) == null ? "" : format.formatCellValue(sheet.getRow(r).getCell(c)));
				}
				rows.add(cells);
			}
			return rows;
		}
	}
}
