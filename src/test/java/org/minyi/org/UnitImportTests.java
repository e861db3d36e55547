package org.minyi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.platform.security.DataScope;
import org.minyi.platform.tabular.ImportProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@MinyiTest
class UnitImportTests {

	private static final String HEADER = "单位编码,单位名称,单位类型,上级单位编码,负责人,联系电话,常住人口(18岁及以上)\n";

	@Autowired
	UnitFiles files;

	@Autowired
	UnitManagement units;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void importsGbkCsvWithNewTownshipAndItsCommunities() {
		String p = prefix();
		String csv = HEADER + p + "01,社区甲,村/社区," + p + ",,,1200\n" // child before its parent: order does not matter
				+ p + ",新城街道,镇/街道,YJ,王建国,0571-88880000,\n"
				+ p + "02,社区乙,COMMUNITY," + p + ",,,\n";
		UnitImportResult result = files.importFile(new ByteArrayInputStream(csv.getBytes(Charset.forName("GBK"))));
		assertThat(result.problems()).isEmpty();
		assertThat(result.created()).isEqualTo(3);
		UnitView township = units.findByCode(p).orElseThrow();
		assertThat(township.name()).isEqualTo("新城街道");
		UnitView community = units.findByCode(p + "01").orElseThrow();
		assertThat(community.parentId()).isEqualTo(township.id());
		assertThat(community.path()).startsWith(township.path());
		assertThat(community.populationTotal()).isEqualTo(1200);
	}

	@Test
	void anyBadRowChangesNothingAndEveryProblemIsReportedWithItsRow() {
		String p = prefix();
		String csv = HEADER + p + ",好的街道,镇/街道,YJ,,,\n" // row 2: fine
				+ p + "01,错误类型,乡镇,YJ,,,\n" // row 3: unknown kind
				+ p + "02,无上级,村/社区,NOPE" + p + ",,,\n" // row 4: unknown parent
				+ p + "03,人口错,村/社区," + p + ",,,-5\n" // row 5: negative population
				+ p + "04,公式,村/社区," + p + ",=cmd|' /C calc'!A0,,\n" // row 6: formula
				+ p + ",重复,镇/街道,YJ,,,\n" // row 7: duplicate code
				+ p + "05,挂错,村/社区,YJ,,,\n"; // row 8: community directly under the district
		UnitImportResult result = files.importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(result.succeeded()).isFalse();
		assertThat(result.problems()).extracting(ImportProblem::row, ImportProblem::messageKey).contains(
				org.assertj.core.groups.Tuple.tuple(3, "unit.import.badKind"),
				org.assertj.core.groups.Tuple.tuple(4, "unit.error.parentUnknown"),
				org.assertj.core.groups.Tuple.tuple(5, "unit.import.badNumber"),
				org.assertj.core.groups.Tuple.tuple(6, "tabular.error.formula"),
				org.assertj.core.groups.Tuple.tuple(7, "unit.import.duplicateCode"),
				org.assertj.core.groups.Tuple.tuple(8, "unit.error.kindParent"));
		assertThat(units.findByCode(p)).as("the good row was not imported either").isEmpty();
	}

	@Test
	void wrongHeadersAreRefused() {
		String csv = "code;name;type\nA;B;C\n";
		UnitImportResult result = files.importFile(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(result.problems()).extracting(ImportProblem::messageKey).contains("unit.import.missingColumn");
	}

	@Test
	void exportReimportsAsPureUpdate() throws Exception {
		String p = prefix();
		UnitView closed = units.create(new UnitDraft(p, "已撤并街道", UnitKind.TOWNSHIP, "YJ", null, null, null, java.util.Map.of()));
		UnitView child = units.create(new UnitDraft(p + "01", "已撤并社区", UnitKind.COMMUNITY, p, null, null, null, java.util.Map.of()));
		units.deactivate(child.id(), DataScope.wholeDistrict());
		units.deactivate(closed.id(), DataScope.wholeDistrict());
		byte[] xlsx = mvc.perform(get("/org/units/export").with(user(users.loadUserByUsername("district"))))
			.andReturn().getResponse().getContentAsByteArray();
		int before = units.list(DataScope.wholeDistrict()).size();
		UnitImportResult result = files.importFile(new ByteArrayInputStream(xlsx));
		assertThat(result.problems()).isEmpty();
		assertThat(result.created()).isZero();
		assertThat(result.updated()).isEqualTo(before);
		assertThat(units.findByCode("YJCG01").orElseThrow().population()).hasSize(8);
	}

	@Test
	void uploadPageExplainsProblemsInChinese() throws Exception {
		String body = mvc.perform(multipart("/org/units/import")
			.file(new MockMultipartFile("file", "units.xlsx", "application/octet-stream", "PK\u0003\u0004junk".getBytes(StandardCharsets.ISO_8859_1)))
			.with(csrf()).with(user(users.loadUserByUsername("district")))).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("导入未执行").contains("文件不是有效的 Excel(.xlsx) 文件");
		String empty = mvc.perform(multipart("/org/units/import")
			.file(new MockMultipartFile("file", "units.csv", "text/csv", new byte[0]))
			.with(csrf()).with(user(users.loadUserByUsername("district")))).andReturn().getResponse().getContentAsString();
		assertThat(empty).contains("文件为空");
	}

	private static String prefix() {
		return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
	}
}
