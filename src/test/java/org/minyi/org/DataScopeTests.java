package org.minyi.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** An officer of one township (城关街道, YJCG) must see nothing of another (河口镇, YJHK). */
@MinyiTest
class DataScopeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UnitManagement units;

	@Test
	void officerCannotOpenAnotherTownshipsUnitPage() throws Exception {
		long hekou = units.findByCode("YJHK").orElseThrow().id();
		String body = mvc.perform(get("/org/units/{id}", hekou).with(user(officer())))
			.andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain("河口镇").doesNotContain("YJHK");
	}

	@Test
	void officerCannotReadAnotherTownshipsCommunityThroughTheApi() throws Exception {
		long hekouVillage = units.findByCode("YJHK01").orElseThrow().id();
		String body = mvc.perform(get("/api/v1/units/{id}", hekouVillage).with(user(officer())))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain("YJHK01");
	}

	@Test
	void officerSeesOwnSubtreeOnly() throws Exception {
		long community = units.findByCode("YJCG01").orElseThrow().id();
		mvc.perform(get("/api/v1/units/{id}", community).with(user(officer()))).andExpect(status().isOk());
		String tree = mvc.perform(get("/org/units").with(user(officer()))).andReturn().getResponse().getContentAsString();
		assertThat(tree).contains("城关街道", "解放路社区").doesNotContain("河口镇", "东湖街道", "公安分局", "云江区");
		String search = mvc.perform(get("/api/v1/units").param("q", "村").param("size", "200").with(user(officer())))
			.andReturn().getResponse().getContentAsString();
		assertThat(search).contains("\"total\":0");
	}

	@Test
	void districtAdminSeesEverything() throws Exception {
		long hekou = units.findByCode("YJHK").orElseThrow().id();
		mvc.perform(get("/org/units/{id}", hekou).with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("河口镇")));
	}

	private UserDetails officer() {
		return users.loadUserByUsername("officer");
	}
}
