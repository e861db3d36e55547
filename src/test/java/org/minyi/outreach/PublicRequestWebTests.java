package org.minyi.outreach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The public form over HTTP, without signing in: a request is kept and its reference shown; script
 * in the text is kept as typed and shown escaped to staff; oversized or incomplete input is refused
 * in Chinese and keeps nothing; one address is limited; a robot filling the hidden field keeps nothing.
 * Each test posts from an address of its own.
 */
@MinyiTest
class PublicRequestWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Test
	void aResidentSendsARequestAndStaffSeeItsScriptEscaped() throws Exception {
		String marker = UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(get("/public/requests")).andExpect(status().isOk());
		String page = mvc.perform(form(address()).param("category", "PUBLIC_SECURITY").param("title", "<script>alert('" + marker + "')</script>")
				.param("description", "菜市场附近有人<img src=x onerror=alert(1)>推销").param("contactPhone", "13805719999"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		String reference = page.replaceAll("(?s).*id=\"public-reference\">([^<]+)<.*", "$1");
		assertThat(reference).matches("SQ\\d{8}-[2-9A-Z]{5}");
		long id = jdbc.sql("select id from citizen_request where reference = :r").param("r", reference).query(Long.class).single();
		assertThat(jdbc.sql("select status from citizen_request where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("RECEIVED");

		String staffPage = mvc.perform(get("/outreach/requests/" + id).with(user(users.loadUserByUsername("district"))))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		assertThat(staffPage).contains("&lt;script&gt;alert(&#39;" + marker + "&#39;)&lt;/script&gt;").doesNotContain("<script>alert('" + marker)
			.contains("&lt;img src=x onerror=alert(1)&gt;").contains("138****9999").doesNotContain("13805719999");
	}

	/** The form's title field starts empty (it once showed the page's own title) and keeps what was typed when refused. */
	@Test
	void theTitleFieldStartsEmptyAndKeepsWhatWasTyped() throws Exception {
		String blank = mvc.perform(get("/public/requests")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(titleField(blank)).contains("value=\"\"").doesNotContain("民意直通车");
		String refused = mvc.perform(form(address()).param("title", "路灯不亮").param("description", "d"))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString();
		assertThat(titleField(refused)).contains("value=\"路灯不亮\"");
	}

	private static String titleField(String page) {
		return page.replaceAll("(?s).*(<input[^>]*id=\"title\"[^>]*>).*", "$1");
	}

	@Test
	void oversizedOrIncompleteInputIsRefusedInChineseAndKeepsNothing() throws Exception {
		long before = count();
		String ip = address();
		MockHttpServletResponse huge = mvc.perform(form(ip).param("category", "OTHER").param("title", "t").param("description", "长".repeat(2001)))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse();
		assertThat(huge.getContentAsString()).contains("内容太长，不能超过 2000 个字");
		assertThat(mvc.perform(form(ip).param("title", "t").param("description", "d")).andExpect(status().isUnprocessableEntity())
			.andReturn().getResponse().getContentAsString()).contains("请选择诉求类别");
		assertThat(mvc.perform(form(ip).param("category", "DROP TABLE").param("title", "t").param("description", "d"))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString()).contains("请选择诉求类别");
		assertThat(mvc.perform(form(ip).param("category", "OTHER").param("title", "t").param("description", "d").param("contactPhone", "110"))
			.andExpect(status().isUnprocessableEntity()).andReturn().getResponse().getContentAsString()).contains("id=\"public-error\"");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void oneAddressIsLimitedAndARobotKeepsNothing() throws Exception {
		String ip = address();
		long before = count();
		mvc.perform(form(ip).param("category", "OTHER").param("title", "t").param("description", "d").param("website", "http://spam"))
			.andExpect(status().isOk());
		assertThat(count()).as("the robot's submission").isEqualTo(before);
		for (int i = 0; i < 4; i++) {
			mvc.perform(form(ip).param("category", "OTHER").param("title", "t" + i).param("description", "d")).andExpect(status().isOk());
		}
		assertThat(count()).isEqualTo(before + 4);
		String busy = mvc.perform(form(ip).param("category", "OTHER").param("title", "flood").param("description", "d"))
			.andExpect(status().isTooManyRequests()).andReturn().getResponse().getContentAsString();
		assertThat(busy).contains("请一小时后再试");
		assertThat(count()).isEqualTo(before + 4);
		mvc.perform(form(address()).param("category", "OTHER").param("title", "t").param("description", "d")).andExpect(status().isOk());
	}

	private static MockHttpServletRequestBuilder form(String ip) {
		return post("/public/requests").with(request -> {
			request.setRemoteAddr(ip);
			return request;
		});
	}

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

	/** A documentation-range address of its own for each use. */
	private static String address() {
		return "198.51.100." + NEXT_ADDRESS.getAndIncrement();
	}

	private long count() {
		return jdbc.sql("select count(*) from citizen_request").query(Long.class).single();
	}
}
