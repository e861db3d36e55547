package org.minyi.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@MinyiTest
class ErrorAndHeaderTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	/** Every page asks for the icon (browsers ask for /favicon.ico anyway): it is there, without signing in. */
	@Test
	void theIconIsServedToEveryone() throws Exception {
		byte[] icon = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(icon).startsWith(0, 0, 1, 0);
		assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentAsString()).contains("rel=\"icon\" href=\"/favicon.ico\"");
	}

	@Test
	void unknownRecordShowsChinesePageWithoutStackTrace() throws Exception {
		String body = mvc.perform(get("/org/units/99999999").with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isNotFound())
			.andReturn().getResponse().getContentAsString();
		assertThat(body).contains("未找到").doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void englishWhenAsked() throws Exception {
		String body = mvc.perform(get("/org/units/99999999").param("lang", "en")
			.with(user(users.loadUserByUsername("district")))).andReturn().getResponse().getContentAsString();
		assertThat(body).contains("Not found");
	}

	@Test
	void apiWithoutSessionGetsProblemDetails() throws Exception {
		mvc.perform(get("/api/v1/units/1"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/problem+json")));
	}

	@Test
	void htmxRequestAfterSessionExpiryIsRedirectedAsAWholePage() throws Exception {
		mvc.perform(get("/org/units").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/login?expired"));
	}

	@Test
	void pagesCarryAStrictContentSecurityPolicy() throws Exception {
		String csp = mvc.perform(get("/login")).andReturn().getResponse().getHeader("Content-Security-Policy");
		assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
		assertThat(csp.split(";")).filteredOn(d -> d.strip().startsWith("script-src")).singleElement()
			.asString().doesNotContain("unsafe-inline");
	}

	@Test
	void actuatorHealthIsPublicButMetricsNeedARole() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		mvc.perform(get("/actuator/prometheus")).andExpect(status().is3xxRedirection());
		mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername("district")))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/info").with(user(users.loadUserByUsername("sysadmin")))).andExpect(status().isOk());
	}
}
