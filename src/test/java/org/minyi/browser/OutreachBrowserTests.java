package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In the browser: citizen requests from the public form and visits, survey comments taken up, special groups and care visits. */
class OutreachBrowserTests extends BrowserTest {

	@Test
	void residentWritesInOnAPhoneAndAProblemRaisedOnAVisitIsAnsweredFollowedUpAndReopened() throws IOException {
		driver.manage().window().setSize(new Dimension(360, 740));
		try {
			open("/public/requests");
			assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
			new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category"))).selectByVisibleText("治安");
			type("#title", "夜里有人撬车");
			type("#description", "东湖公园停车场这周两次有电动车被撬，希望加强巡逻。");
			type("#contactPhone", "13805718888");
			screenshot("public-request-phone");
			click("#public-submit");
			assertThat(text("#public-reference")).matches("SQ\\d{8}-[2-9A-Z]{5}");
			screenshot("public-thanks-phone");
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 900));
		}

		login("officer", DEMO_PASSWORD);
		click("#nav-visits");
		assertThat(text("#due-visits")).contains("解放路社区", "文化路社区", "未按时走访");
		screenshot("visits");
		driver.findElement(By.cssSelector("#due-visits a[id^='visit-for-']")).click();
		String visitForm = driver.getCurrentUrl();
		driver.manage().window().setSize(new Dimension(375, 812));
		try {
			driver.get(visitForm);
			assertThat(driver.findElement(By.id("sidebar")).isDisplayed()).as("the menu folds away on a phone").isFalse();
			assertThat(driver.findElement(By.id("peopleMet")).getLocation().getY()).as("the form is on the first screen").isLessThan(740);
			screenshot("visit-form-phone");
			click("#nav-toggle");
			new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> d.findElement(By.id("nav-visits")).isDisplayed());
			screenshot("menu-phone");
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
		driver.get(visitForm);
		type("#peopleMet", "5");
		type("#topics", "走访7幢居民，了解楼道消防情况。");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("problem-category-1"))).selectByVisibleText("环境");
		type("#problem-title-1", "浏览器测试：楼道堆放杂物");
		type("#problem-description-1", "7幢楼道堆放杂物，有消防隐患。");
		type("#problem-name-1", "王大妈");
		type("#problem-phone-1", "13805717777");
		Path photo = Files.createTempFile("visit", ".png");
		Files.write(photo, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0 });
		driver.findElement(By.id("photos")).sendKeys(photo.toAbsolutePath().toString());
		screenshot("visit-form");
		click("#visit-save");
		assertThat(text("#flash")).contains("走访已登记");
		assertThat(text("#visit-photos")).contains(photo.getFileName().toString());
		screenshot("visit");
		driver.findElement(By.cssSelector("#visit-requests a[id^='raised-']")).click();
		assertThat(text("#request-status")).isEqualTo("已分派");
		assertThat(text("#request-facts")).contains("环境", "文化路社区", "王**", "138****7777").doesNotContain("13805717777");
		String requestPage = driver.getCurrentUrl();
		click("#action-ACCEPT");
		assertThat(text("#request-status")).isEqualTo("办理中");
		type("#resolve-comment", "已通知物业清理楼道，并张贴消防提示。");
		click("#action-RESOLVE");
		assertThat(text("#request-status")).isEqualTo("已答复待回访");
		click("#nav-requests");
		assertThat(text("#request-list")).contains("浏览器测试：楼道堆放杂物", "解放路夜间路灯不亮");
		screenshot("requests");
		logout();

		login("district", DEMO_PASSWORD);
		open("/outreach/requests/new");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("category"))).selectByVisibleText("交通");
		type("#title", "浏览器测试：路口红绿灯时间太短");
		type("#description", "东湖大道与湖滨路路口行人绿灯只有15秒，老人过不去。");
		type("#contactName", "张大爷");
		type("#contactPhone", "13805715555");
		screenshot("request-form");
		click("#request-save");
		assertThat(text("#flash")).contains("诉求已登记");
		assertThat(text("#request-status")).isEqualTo("待分派");
		assertThat(text("#request-contact")).contains("张**", "138****5555").doesNotContain("13805715555");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("assign-unit"))).selectByVisibleText("东湖街道");
		click("#action-ASSIGN");
		assertThat(text("#request-unit")).isEqualTo("东湖街道");
		click("#contact-reveal");
		assertThat(text("#contact-clear")).contains("张大爷", "13805715555");
		driver.get(requestPage);
		click("#sat-DISSATISFIED");
		type("#follow-up-comment", "居民说杂物只清了一半");
		click("#action-FOLLOW_UP");
		assertThat(text("#request-status")).isEqualTo("重新办理");
		assertThat(text("#history")).contains("回访", "不满意", "居民说杂物只清了一半");
		screenshot("request-reopened");
		open("/outreach/requests?status=RECEIVED");
		assertThat(text("#request-list")).contains("夜里有人撬车", "民意直通车");
		open("/outreach/metrics");
		assertThat(text("#metrics-units")).contains("城关街道", "合计");
		screenshot("request-metrics");
		logout();

		login("officer", DEMO_PASSWORD);
		driver.get(requestPage);
		assertThat(text("#request-status")).isEqualTo("重新办理");
		assertThat(driver.findElements(By.id("action-RESOLVE"))).as("answer again").hasSize(1);
		logout();
	}

	@Test
	void districtTakesUpASurveyCommentAsARequestAndSetsAnotherAside() throws IOException {
		login("district", DEMO_PASSWORD);
		click("#nav-requests");
		click("#request-comments");
		assertThat(text("#comment-counts")).startsWith("未处理");
		screenshot("survey-comments");
		List<WebElement> fresh = driver.findElements(By.cssSelector("button[id^='take-up-']"));
		String first = fresh.get(0).getAttribute("id").substring("take-up-".length());
		String second = fresh.get(1).getAttribute("id").substring("take-up-".length());
		String said = text("#comment-" + first + " .comment-text");
		new Select(driver.findElement(By.id("category-" + first))).selectByVisibleText("治安");
		click("#take-up-" + first);
		assertThat(text("#flash")).contains("已转为诉求 SQ");
		assertThat(driver.findElements(By.id("comment-" + first))).as("no longer among the new ones").isEmpty();

		click("#set-aside-" + second);
		assertThat(text("#flash")).contains("已标为无需处理");
		new Select(driver.findElement(By.id("status"))).selectByVisibleText("无需处理");
		click("#comment-filter button[type='submit']");
		click("#restore-" + second);
		assertThat(text("#flash")).contains("已恢复为未处理");

		new Select(driver.findElement(By.id("status"))).selectByVisibleText("已转为诉求");
		click("#comment-filter button[type='submit']");
		assertThat(text("#comment-" + first)).contains(said, "已转为诉求");
		screenshot("survey-comment-taken-up");
		click("#comment-" + first + " a");
		assertThat(text("section")).contains(said, "测评意见");
		logout();
	}

	@Test
	void districtAddsASpecialGroupKindThatTheRegistrationFormOffers() throws IOException {
		login("district", DEMO_PASSWORD);
		click("#nav-special-groups");
		click("#group-kinds-link");
		assertThat(text("#group-kinds")).contains("在用");
		click("#kind-save");
		assertThat(text("#flash-error")).contains("请填写中文名称");
		type("#new-name", "社区矫正对象");
		type("#new-name-en", "People under community correction");
		click("#kind-save");
		assertThat(text("#flash")).contains("已增加类别“社区矫正对象”");
		screenshot("special-group-kinds");
		open("/outreach/special-groups/new");
		assertThat(text("#kind")).contains("社区矫正对象", "独居老人");
		logout();
	}

	@Test
	void officerSeesAMissedCareVisitRevealsTheAddressAndLogsTheVisit() throws IOException {
		login("officer", DEMO_PASSWORD);
		click("#nav-special-groups");
		assertThat(text("#member-list")).contains("李**", "独居老人", "未按时关爱").doesNotContain("李秀英");
		screenshot("special-groups");
		driver.findElement(By.xpath("//table[@id='member-list']//tr[contains(., '未按时关爱')]//a")).click();
		click("#member-reveal");
		assertThat(text("#member-facts")).contains("文化路社区12幢3单元201", "李秀英");
		type("#care-notes", "浏览器测试：上门看望，代购降压药。");
		click("#care-save");
		assertThat(text("#flash")).contains("关爱走访已登记");
		assertThat(text("#care-visits")).contains("浏览器测试：上门看望");
		assertThat(driver.findElements(By.cssSelector("h1 .text-bg-danger"))).as("no longer missed").isEmpty();
		screenshot("special-group");
		open("/outreach/special-groups/new");
		type("#name", "周大爷");
		type("#idNumber", "330102193801010057");
		click("#member-save");
		assertThat(text("#member-error")).contains("校验位不对");
		screenshot("special-group-form");
		logout();
	}
}
