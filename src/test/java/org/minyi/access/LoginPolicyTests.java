package org.minyi.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@MinyiTest
class LoginPolicyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountManagement accounts;

	@Autowired
	UnitManagement units;

	@Autowired
	AuditTrail audit;

	@Test
	void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
		CreatedAccount account = newAccount();
		String username = account.account().username();
		for (int i = 0; i < 5; i++) {
			mvc.perform(formLogin().user(username).password("wrong-Password-1")).andExpect(redirectedUrl("/login?error=bad"));
		}
		mvc.perform(formLogin().user(username).password(account.oneTimePassword()))
			.andExpect(redirectedUrl("/login?error=locked"));
		assertThat(accounts.find(account.account().id()).orElseThrow().locked()).isTrue();
		assertThat(actions(username)).contains("login.lockout");

		accounts.unlock(Role.SECURITY_ADMIN, account.account().id());
		mvc.perform(formLogin().user(username).password(account.oneTimePassword())).andExpect(redirectedUrl("/"));
	}

	@Test
	void oneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
		CreatedAccount account = newAccount();
		MockHttpSession session = (MockHttpSession) mvc
			.perform(formLogin().user(account.account().username()).password(account.oneTimePassword()))
			.andReturn().getRequest().getSession();
		mvc.perform(get("/org/units").session(session)).andExpect(redirectedUrl("/account/password"));

		String reused = mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", account.oneTimePassword())
			.param("newPassword", account.oneTimePassword())
			.param("confirmPassword", account.oneTimePassword())).andReturn().getResponse().getContentAsString();
		assertThat(reused).contains("新密码不得与最近使用过的密码相同");

		String weak = mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", account.oneTimePassword())
			.param("newPassword", "short")
			.param("confirmPassword", "short")).andReturn().getResponse().getContentAsString();
		assertThat(weak).contains("至少需要 10 位");

		mvc.perform(post("/account/password").session(session).with(csrf())
			.param("currentPassword", account.oneTimePassword())
			.param("newPassword", "Anew-Pass2026")
			.param("confirmPassword", "Anew-Pass2026")).andExpect(redirectedUrl("/"));
		mvc.perform(get("/org/units").session(session)).andExpect(result ->
				assertThat(result.getResponse().getStatus()).isEqualTo(200));
		assertThat(accounts.find(account.account().id()).orElseThrow().mustChangePassword()).isFalse();
	}

	@Test
	void lastFivePasswordsCannotBeReused() {
		CreatedAccount account = newAccount();
		long id = account.account().id();
		String current = account.oneTimePassword();
		String[] passwords = { "First-pass-01", "Second-pass-02", "Third-pass-03", "Fourth-pass-04", "Fifth-pass-05" };
		for (String next : passwords) {
			assertThat(accounts.changeOwnPassword(id, current, next)).isEmpty();
			current = next;
		}
		assertThat(accounts.changeOwnPassword(id, current, "Second-pass-02")).containsExactly("password.error.reused");
		assertThat(accounts.changeOwnPassword(id, current, "Sixth-pass-06")).isEmpty();
	}

	@Test
	void separationOfDutiesLimitsWhoManagesWhom() {
		assertThat(Role.SYSTEM_ADMIN.manageableRoles()).containsExactlyInAnyOrder(Role.SECURITY_ADMIN, Role.AUDITOR);
		assertThat(Role.SECURITY_ADMIN.manageableRoles()).doesNotContain(Role.SECURITY_ADMIN, Role.AUDITOR);
		assertThat(Role.AUDITOR.manageableRoles()).isEmpty();
		long root = units.root().orElseThrow().id();
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> accounts.create(Role.SECURITY_ADMIN,
				new AccountDraft("x" + UUID.randomUUID().toString().substring(0, 8), "x", Role.SECURITY_ADMIN, root)))
			.isInstanceOf(org.minyi.platform.BusinessRuleException.class);
	}

	private CreatedAccount newAccount() {
		long unit = units.findByCode("YJCG").orElseThrow().id();
		return accounts.create(Role.SECURITY_ADMIN,
				new AccountDraft("t" + UUID.randomUUID().toString().substring(0, 12), "Test", Role.UNIT_OFFICER, unit));
	}

	private java.util.List<String> actions(String username) {
		java.util.List<String> actions = new java.util.ArrayList<>();
		audit.forEach(new AuditQuery(null, null, null, null, null, null), e -> {
			if (e.summary() != null && e.summary().contains("username=" + username)) {
				actions.add(e.action());
			}
		});
		return actions;
	}
}
