package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

/** In the browser: accounts and sign-in: the one-time password, lockout, the audit trail, the login page on a phone. */
class AccessBrowserTests extends BrowserTest {

	@Test
	void newAccountMustChangeItsOneTimePassword() throws IOException {
		login("secadmin", DEMO_PASSWORD);
		open("/access/accounts");
		screenshot("accounts");
		click("#new-account");
		String username = "b" + UUID.randomUUID().toString().substring(0, 8);
		type("#username", username);
		type("#displayName", "李浏览");
		driver.findElement(By.cssSelector("#role option[value='UNIT_OFFICER']")).click();
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("unitId"))).selectByVisibleText("YJCG 城关街道");
		click("#account-save");
		String oneTime = text("#one-time-password");
		screenshot("account-one-time-password");
		logout();

		login(username, oneTime);
		screenshot("after-first-login");
		assertThat(driver.getCurrentUrl()).endsWith("/account/password");
		assertThat(text("#must-change")).contains("一次性密码");
		open("/org/units");
		assertThat(driver.getCurrentUrl()).as("nothing else opens").endsWith("/account/password");
		type("#currentPassword", oneTime);
		type("#newPassword", "Browser-pass-2026");
		type("#confirmPassword", "Browser-pass-2026");
		screenshot("password-change");
		click("#password-submit");
		assertThat(text("#flash")).contains("密码已修改");
		open("/org/units");
		assertThat(text("#unit-tree")).contains("城关街道").doesNotContain("河口镇");
		logout();
	}

	@Test
	void lockoutIsExplained() throws IOException {
		for (int i = 0; i < 5; i++) {
			login("leader", "wrong-password-" + i);
			assertThat(text("#login-message")).contains("用户名或密码错误");
		}
		login("leader", DEMO_PASSWORD);
		assertThat(text("#login-message")).contains("账户已锁定");
		screenshot("login-locked");
	}

	@Test
	void auditorReadsAndVerifiesTheTrail() throws IOException {
		login("auditor", DEMO_PASSWORD);
		open("/access/audit");
		assertThat(text("#audit-entries")).contains("登录成功");
		type("#action", "account.create");
		click("#audit-filter button[type=submit]");
		assertThat(text("#audit-entries")).contains("创建账户").doesNotContain("登录成功");
		click("#verify-chain");
		waitForText("#verification", "审计链完整");
		screenshot("audit");
		logout();
	}

	@Test
	void loginPageFitsAPhone() throws IOException {
		driver.manage().window().setSize(new Dimension(360, 740));
		try {
			open("/login");
			assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
			screenshot("login-phone");
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
	}
}
