package org.minyi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.platform.security.DataScope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;

/** The unit pages over HTTP as the district's administrator: forms, state changes, import, the API. */
@MinyiTest
class UnitWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitManagement units;

	UnitView town;

	@BeforeEach
	void township() {
		town = TestUnits.township(units, "web town");
	}

	@Test
	void aNewChildDefaultsToTheKindThatUsuallyHangsThere() throws Exception {
		UnitView community = TestUnits.community(units, town, "web");
		assertThat(newChildForm(units.root().orElseThrow().id())).containsEntry("kind", UnitKind.TOWNSHIP).containsEntry("parentCode", "YJ");
		assertThat(newChildForm(town.id())).containsEntry("kind", UnitKind.COMMUNITY).containsEntry("parentCode", town.code());
		assertThat(newChildForm(community.id())).containsEntry("kind", UnitKind.INSTITUTION);
		long department = units.findByCode("YJZFW").orElseThrow().id();
		assertThat(newChildForm(department)).as("below a department only institutions").containsEntry("kind", UnitKind.INSTITUTION);
	}

	@Test
	void aCreatedUnitIsShownWithAMessageAndItsCodeCannotBeChangedByEditing() throws Exception {
		String code = town.code() + "W";
		String location = mvc.perform(post("/org/units").with(csrf()).with(user(district())).param("code", code).param("name", "网页社区")
			.param("kind", "COMMUNITY").param("parentCode", town.code()).param("population[MALE_AGE_18_29]", "15"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flash", "已创建单位：网页社区"))
			.andReturn().getResponse().getRedirectedUrl();
		UnitView created = units.findByCode(code).orElseThrow();
		assertThat(location).isEqualTo("/org/units/" + created.id());
		assertThat(created.population()).containsOnly(Map.entry(new PopulationCell(Gender.MALE, AgeGroup.AGE_18_29), 15));

		mvc.perform(post("/org/units/{id}", created.id()).with(csrf()).with(user(district())).param("code", "HACKED").param("name", "改名社区")
			.param("kind", "COMMUNITY").param("parentCode", town.code()))
			.andExpect(redirectedUrl("/org/units/" + created.id()))
			.andExpect(flash().attribute("flash", "已保存单位：改名社区"));
		assertThat(units.findById(created.id()).orElseThrow()).satisfies(u -> {
			assertThat(u.code()).isEqualTo(code);
			assertThat(u.name()).isEqualTo("改名社区");
		});
		assertThat(units.findByCode("HACKED")).isEmpty();
	}

	@Test
	void aRefusedDeactivationIsExplainedAndChangesNothing() throws Exception {
		UnitView community = TestUnits.community(units, town, "child");
		mvc.perform(post("/org/units/{id}/deactivate", town.id()).with(csrf()).with(user(district())))
			.andExpect(redirectedUrl("/org/units/" + town.id()))
			.andExpect(flash().attribute("flashError", "该单位仍有启用中的下级单位，请先停用下级单位"));
		assertThat(units.findById(town.id()).orElseThrow().active()).isTrue();
		mvc.perform(post("/org/units/{id}/deactivate", community.id()).with(csrf()).with(user(district())))
			.andExpect(flash().attribute("flash", "已停用单位：" + community.name()));
		mvc.perform(post("/org/units/{id}/reactivate", community.id()).with(csrf()).with(user(district())))
			.andExpect(flash().attribute("flash", "已重新启用单位：" + community.name()));
		mvc.perform(post("/org/units/{id}/reactivate", community.id()).with(csrf()).with(user(district())))
			.andExpect(flash().attribute("flashError", "该单位已经是启用状态"));
		assertThat(units.findById(community.id()).orElseThrow().active()).isTrue();
	}

	@Test
	void aMoveUnderItsOwnSubtreeIsShownOnTheParentField() throws Exception {
		UnitView community = TestUnits.community(units, town, "moved");
		String body = mvc.perform(post("/org/units/{id}", town.id()).with(csrf()).with(user(district())).param("code", town.code())
			.param("name", "x").param("kind", "TOWNSHIP").param("parentCode", community.code()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("不能把单位移到它自己的下级单位之下");
		assertThat(units.findById(town.id()).orElseThrow()).satisfies(u -> {
			assertThat(u.name()).isEqualTo(town.name());
			assertThat(u.path()).isEqualTo(town.path());
		});
	}

	@Test
	void aGoodUploadReportsWhatWasCreatedAndUpdated() throws Exception {
		String csv = "单位编码,单位名称,单位类型,上级单位编码\n" + town.code() + ",改名街道,镇/街道,YJ\n" + town.code() + "U,上传社区,村/社区," + town.code() + "\n";
		String body = mvc.perform(multipart("/org/units/import")
			.file(new MockMultipartFile("file", "units.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(csrf()).with(user(district()))).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("导入成功：新建 1 个单位，更新 1 个单位。");
		assertThat(units.findById(town.id()).orElseThrow().name()).isEqualTo("改名街道");
		String none = mvc.perform(multipart("/org/units/import").with(csrf()).with(user(district()))).andReturn().getResponse()
			.getContentAsString();
		assertThat(none).as("no file at all").contains("文件为空");
	}

	@Test
	void theDetailPageWarnsWhenTheBreakdownDoesNotAddUpToTheTotal() throws Exception {
		PopulationCell men = new PopulationCell(Gender.MALE, AgeGroup.AGE_18_29);
		PopulationCell women = new PopulationCell(Gender.FEMALE, AgeGroup.AGE_18_29);
		UnitView off = units.create(new UnitDraft(town.code() + "A", "不符社区", UnitKind.COMMUNITY, town.code(), null, null, 100,
				Map.of(men, 30, women, 40)));
		UnitView fine = units.create(new UnitDraft(town.code() + "B", "相符社区", UnitKind.COMMUNITY, town.code(), null, null, 70,
				Map.of(men, 30, women, 40)));
		assertThat(page(off)).contains("分组人口合计为 70，与常住人口总数不一致。");
		assertThat(page(fine)).doesNotContain("与常住人口总数不一致");
	}

	@Test
	void theApiGivesPagesOfTheScopeAndFiguresKeyedByCell() throws Exception {
		UnitView community = units.create(new UnitDraft(town.code() + "J", "接口社区", UnitKind.COMMUNITY, town.code(), null, null, 50,
				Map.of(new PopulationCell(Gender.FEMALE, AgeGroup.AGE_45_59), 50)));
		mvc.perform(get("/api/v1/units/{id}", community.id()).with(user(district())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.code").value(community.code()))
			.andExpect(jsonPath("$.population.FEMALE_AGE_45_59").value(50));
		mvc.perform(get("/api/v1/units").param("q", town.code()).param("size", "1").with(user(district())))
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items.length()").value(1));
		mvc.perform(get("/api/v1/units").param("q", town.code()).param("kind", "COMMUNITY").with(user(district())))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(community.id()));
		units.deactivate(community.id(), DataScope.wholeDistrict());
		mvc.perform(get("/api/v1/units").param("q", town.code()).param("active", "false").with(user(district())))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void theDetailPageListsTheDirectChildrenOnly() throws Exception {
		UnitView community = TestUnits.community(units, town, "child");
		UnitView institution = units.create(new UnitDraft(community.code() + "I", "孙辈学校", UnitKind.INSTITUTION, community.code(), null, null, null,
				Map.of()));
		@SuppressWarnings("unchecked")
		var children = (java.util.List<UnitNode>) mvc.perform(get("/org/units/{id}", town.id()).with(user(district()))).andExpect(status().isOk())
			.andReturn().getModelAndView().getModel().get("children");
		assertThat(children).extracting(n -> n.unit().id()).containsExactly(community.id());
		assertThat(children.get(0).children()).extracting(n -> n.unit().id()).containsExactly(institution.id());
	}

	private String page(UnitView unit) throws Exception {
		return mvc.perform(get("/org/units/{id}", unit.id()).with(user(district()))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	private Map<String, Object> newChildForm(long parent) throws Exception {
		Object form = mvc.perform(get("/org/units/new").param("parent", String.valueOf(parent)).with(user(district())))
			.andExpect(status().isOk())
			.andReturn().getModelAndView().getModel().get("form");
		return Map.of("kind", ReflectionTestUtils.getField(form, "kind"), "parentCode", ReflectionTestUtils.getField(form, "parentCode"));
	}

	private UserDetails district() {
		return users.loadUserByUsername("district");
	}
}
