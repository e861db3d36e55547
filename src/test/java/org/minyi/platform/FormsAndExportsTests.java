package org.minyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@MinyiTest
class FormsAndExportsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitManagement units;

	@Test
	void homePageOffersWhatTheRoleMayUse() throws Exception {
		String district = mvc.perform(get("/").with(user(users.loadUserByUsername("district"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(district).contains("href=\"/org/units\"", "href=\"/survey/instruments\"")
			.doesNotContain("href=\"/access/accounts\"", "href=\"/access/audit\"");
		String auditor = mvc.perform(get("/").with(user(users.loadUserByUsername("auditor"))))
			.andReturn().getResponse().getContentAsString();
		assertThat(auditor).contains("href=\"/access/audit\"").doesNotContain("href=\"/org/units\"");
	}

	@Test
	void invalidUnitFormShowsChineseErrorsNextToTheFieldsAndChangesNothing() throws Exception {
		long id = units.findByCode("YJCG01").orElseThrow().id();
		String body = mvc.perform(post("/org/units/{id}", id).with(csrf()).with(user(users.loadUserByUsername("district")))
			.param("name", "").param("kind", "COMMUNITY").param("parentCode", "YJCG").param("contactPhone", "<script>"))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("is-invalid").contains("不能为空").contains("电话号码只能包含数字");
		assertThat(body).doesNotContain("<script>");
		assertThat(units.findById(id).orElseThrow().name()).isEqualTo("解放路社区");
	}

	@Test
	void businessRuleErrorAppearsOnItsField() throws Exception {
		String body = mvc.perform(post("/org/units").with(csrf()).with(user(users.loadUserByUsername("district")))
			.param("code", "YJCG").param("name", "重复").param("kind", "TOWNSHIP").param("parentCode", "YJ"))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("单位编码 YJCG 已被使用");
	}

	@Test
	void listFiltersShowTheChoiceTheUserMade() throws Exception {
		long unit = units.findByCode("YJCG").orElseThrow().id();
		String disputes = mvc.perform(get("/disputes").param("status", "MEDIATING").param("risk", "HIGH").param("unit", String.valueOf(unit))
			.with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(disputes).contains("<option value=\"MEDIATING\" selected=\"selected\">调解中</option>",
				"<option value=\"HIGH\" selected=\"selected\">", "<option value=\"" + unit + "\" selected=\"selected\">");
		String requests = mvc.perform(get("/outreach/requests").param("category", "TRAFFIC").with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(requests).contains("<option value=\"TRAFFIC\" selected=\"selected\">交通</option>", "id=\"filter-status\"", "id=\"filter-unit\"");
	}

	@Test
	void auditTrailExportsToExcel() throws Exception {
		byte[] xlsx = mvc.perform(get("/access/audit/export").param("action", "account.create")
			.with(user(users.loadUserByUsername("auditor")))).andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("操作");
			assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(9);
			assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("account.create");
		}
	}

	@Test
	void accountsExportShowsOnlyManageableRoles() throws Exception {
		byte[] xlsx = mvc.perform(get("/access/accounts/export").with(user(users.loadUserByUsername("sysadmin"))))
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			java.util.List<String> usernames = new java.util.ArrayList<>();
			for (int i = 1; i <= sheet.getLastRowNum(); i++) {
				usernames.add(sheet.getRow(i).getCell(0).getStringCellValue());
			}
			assertThat(usernames).contains("secadmin", "auditor").doesNotContain("district", "officer", "sysadmin");
		}
	}

	@Test
	void aThirdSessionEndsTheOldest() throws Exception {
		MockHttpSession first = login();
		login();
		login();
		mvc.perform(get("/").session(first)).andExpect(redirectedUrl("/login?expired"));
	}

	private MockHttpSession login() throws Exception {
		return (MockHttpSession) mvc.perform(formLogin().user("supervisor").password("Minyi@Demo2026"))
			.andReturn().getRequest().getSession();
	}
}
