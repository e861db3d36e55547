package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.survey.RoundView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@MinyiTest
class CatiWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	CatiFixture fixture;

	@Autowired
	SampleDraws draws;

	@Autowired
	CatiCalls calls;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theMonitorExportCountsWhatTheCasesSay() throws Exception {
		RoundView round = fixture.fieldingRound("export");
		long chengguan = fixture.township("YJCG");
		draws.draw(round.id(), fixture.request(fixture.frame(30, "YJCG"), Map.of(chengguan, 10), "0.5", 10, 9, SampleDraws.QuotaKind.NONE));
		for (Disposition d : new Disposition[] { Disposition.NO_ANSWER, Disposition.NO_ANSWER, Disposition.REFUSAL, Disposition.NON_WORKING }) {
			calls.record(calls.next(round.id(), "iv").orElseThrow(), "iv", d, null, null, false);
		}
		byte[] xlsx = mvc.perform(get("/fieldwork/rounds/" + round.id() + "/export").with(user(users.loadUserByUsername("supervisor"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			Row header = sheet.getRow(0);
			Row total = sheet.getRow(2);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("城关街道");
			assertThat(total.getCell(0).getStringCellValue()).isEqualTo("合计");
			assertThat(column(header, "已放出", total)).isEqualTo(20);
			assertThat(column(header, "备用", total)).isEqualTo(10);
			assertThat(column(header, "已拨打", total)).isEqualTo(4);
			assertThat(column(header, "3.13 无人接听（3小时后再拨）", total)).isEqualTo(2);
			assertThat(column(header, "3.11 尚未拨打", total)).isEqualTo(16);
			// REF1 = R / (I+P+R+NC+O+UH+UO) = 1 / 19, with the 16 never dialled as UH
			assertThat(total.getCell(indexOf(header, "REF1")).getStringCellValue()).isEqualTo("5.3%");
		}
	}

	@Test
	void quotasAndProductivityExportToExcel() throws Exception {
		RoundView round = fixture.fieldingRound("export tables");
		long chengguan = fixture.township("YJCG");
		draws.draw(round.id(), fixture.request(fixture.frame(20, "YJCG"), Map.of(chengguan, 8), "1", 8, 9, SampleDraws.QuotaKind.HARD));
		calls.record(calls.next(round.id(), "iv-export").orElseThrow(), "iv-export", Disposition.SOFT_REFUSAL, null, null, false);
		calls.record(calls.next(round.id(), "iv-export").orElseThrow(), "iv-export", Disposition.BUSY, null, null, false);
		try (XSSFWorkbook quotas = workbook("/fieldwork/rounds/" + round.id() + "/export/quotas")) {
			Sheet sheet = quotas.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).as("eight cells").isEqualTo(8);
			int targets = 0;
			for (int i = 1; i <= 8; i++) {
				targets += (int) sheet.getRow(i).getCell(2).getNumericCellValue();
				assertThat(sheet.getRow(i).getCell(6).getStringCellValue()).isEqualTo("硬配额");
			}
			assertThat(targets).isEqualTo(8);
		}
		try (XSSFWorkbook productivity = workbook("/fieldwork/rounds/" + round.id() + "/export/productivity")) {
			Row row = productivity.getSheetAt(0).getRow(1);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("iv-export");
			assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(2);
			assertThat(row.getCell(5).getStringCellValue()).as("one refusal of one call answered").isEqualTo("100.0%");
		}
	}

	private XSSFWorkbook workbook(String path) throws Exception {
		byte[] xlsx = mvc.perform(get(path).with(user(users.loadUserByUsername("supervisor")))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
	}

	@Test
	void forgedCasesDispositionsAndFiguresChangeNothing() throws Exception {
		RoundView round = fixture.fieldingRound("forged");
		long chengguan = fixture.township("YJCG");
		long frame = fixture.frame(10, "YJCG");
		draws.draw(round.id(), fixture.request(frame, Map.of(chengguan, 5), "1", 5, 9, SampleDraws.QuotaKind.NONE));
		long held = calls.next(round.id(), "supervisor").orElseThrow();

		mvc.perform(get("/fieldwork/cati/calls/" + held).with(user(users.loadUserByUsername("interviewer"))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/fieldwork/cati/calls/" + held + "/disposition").param("disposition", "NO_ANSWER")
			.with(user(users.loadUserByUsername("interviewer"))).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/fieldwork/cati/calls/" + held + "/disposition").param("disposition", "COMPLETE")
			.with(user(users.loadUserByUsername("supervisor"))).with(csrf()))
			.andExpect(flash().attribute("flashError", "请选择有效的拨打结果"));
		mvc.perform(post("/fieldwork/cati/calls/" + held + "/disposition").param("disposition", "<script>")
			.with(user(users.loadUserByUsername("supervisor"))).with(csrf())).andExpect(status().isBadRequest());
		assertThat(jdbc.sql("select status from call_case where id = :id").param("id", held).query(String.class).single())
			.isEqualTo("IN_CALL");
		assertThat(jdbc.sql("select count(*) from call_attempt where case_id = :id").param("id", held).query(Long.class).single()).isZero();

		mvc.perform(post("/fieldwork/rounds/" + round.id() + "/draws").param("frameId", String.valueOf(frame))
			.param("completionRate", "abc").param("replicateSize", "5").param("completes-" + chengguan, "5")
			.with(user(users.loadUserByUsername("supervisor"))).with(csrf()))
			.andExpect(flash().attribute("flashError", "请填写有效的数字"));
		mvc.perform(post("/fieldwork/rounds/" + round.id() + "/draws").param("frameId", String.valueOf(frame))
			.param("completionRate", "0.5").param("replicateSize", "5").param("completes-" + chengguan, "5").param("quotas", "DROP TABLE")
			.with(user(users.loadUserByUsername("supervisor"))).with(csrf()))
			.andExpect(flash().attribute("flashError", "请填写有效的数字"));
		assertThat(draws.list(round.id())).hasSize(1);
	}

	private static int column(Row header, String name, Row row) {
		return (int) row.getCell(indexOf(header, name)).getNumericCellValue();
	}

	private static int indexOf(Row header, String name) {
		for (int i = 0; i < header.getLastCellNum(); i++) {
			if (header.getCell(i).getStringCellValue().equals(name)) {
				return i;
			}
		}
		throw new AssertionError("no column " + name);
	}
}
