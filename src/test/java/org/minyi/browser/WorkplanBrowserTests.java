package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In the browser: plans, tasks with evidence and review, the board, ledgers, and the notices they cause. */
class WorkplanBrowserTests extends BrowserTest {

	@Test
	void districtPlansATownshipReportsTheDistrictReturnsAndApprovesAndTheBoardShowsIt() throws IOException {
		login("district", DEMO_PASSWORD);
		click("#nav-plans");
		type("#plan-name", "浏览器测试工作方案");
		setValue("#plan-start", java.time.LocalDate.now().toString());
		click("#plan-submit");
		assertThat(text("#flash")).contains("已按模板创建");
		assertThat(text("#items-DEPLOYMENT")).contains("召开民调工作动员会议", "制定并报送民调工作方案");
		String planPage = driver.getCurrentUrl();
		String planId = planPage.replaceAll(".*/workplan/plans/(\\d+).*", "$1");
		click("#plan-publish");
		driver.switchTo().alert().accept();
		assertThat(text("#flash")).contains("方案已发布");
		screenshot("workplan-plan");
		logout();

		login("officer", DEMO_PASSWORD);
		open("/workplan/tasks?plan=" + planId);
		screenshot("workplan-tasks");
		driver.findElement(By.xpath("//table[@id='task-list']//tr[td[2]='城关街道']//a[text()='召开民调工作动员会议']")).click();
		setValue("#meeting-date", java.time.LocalDate.now().toString());
		type("#meeting-place", "街道三楼会议室");
		type("#meeting-chair", "胡丽华");
		type("#meeting-attendance", "46");
		type("#meeting-minutes", "传达全区民调工作部署");
		click("#meeting-save");
		assertThat(text("#flash")).contains("佐证材料已添加");
		assertThat(text("#evidence")).contains("街道三楼会议室", "46");
		String taskPage = driver.getCurrentUrl();
		click("#task-submit");
		assertThat(text("#flash")).contains("已提交");
		logout();

		login("district", DEMO_PASSWORD);
		driver.get(taskPage);
		type("#review-comment", "请补充参会人员签到表");
		click("#review-RETURN");
		assertThat(text("#flash")).contains("已退回");
		logout();

		login("officer", DEMO_PASSWORD);
		assertThat(text("#notices-unread")).matches("\\d+");
		click("#notices-link");
		assertThat(text("#notices")).contains("召开民调工作动员会议", "被退回修改");
		screenshot("workplan-notices");
		click("#notices-read");
		// the page reloads after marking: wait for the badge to go rather than reading the old page
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.id("notices-unread")).isEmpty());
		driver.get(taskPage);
		assertThat(text("#task-comment")).contains("请补充参会人员签到表");
		Path signIn = Files.createTempFile("sign-in", ".pdf");
		Files.write(signIn, "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		driver.findElement(By.id("evidence-file")).sendKeys(signIn.toAbsolutePath().toString());
		click("#file-upload");
		assertThat(text("#evidence")).contains(signIn.getFileName().toString());
		screenshot("workplan-task");
		click("#task-submit");
		assertThat(text("#flash")).contains("已提交");
		logout();

		login("district", DEMO_PASSWORD);
		driver.get(taskPage);
		click("#review-APPROVE");
		assertThat(text("#flash")).contains("审核通过");
		assertThat(text("#history")).contains("退回修改", "审核通过");
		// the board lists the weakest units first, 50 a page: the township that finished its task is on the last page
		// (other tests' townships share the database)
		long unitsOnBoard = jdbc.sql("select count(distinct unit_id) from work_task where plan_id = :plan").param("plan", Long.parseLong(planId))
			.query(Long.class).single();
		open("/workplan/board?plan=" + planId + "&page=" + (unitsOnBoard - 1) / 50);
		assertThat(text("#board")).contains("城关街道", "办结");
		assertThat(text("#board thead")).as("columns named for their items, readable by a leader").contains("召开民调");
		screenshot("workplan-board");
		logout();
	}

	@Test
	void townshipOfficerKeepsLedgersImportsThemAndAttachesOneToATask() throws IOException {
		login("officer", DEMO_PASSWORD);
		click("#nav-ledgers");
		assertThat(text("#ledger-kinds")).contains("会议台账", "经费保障台账", "领导小组及责任人");
		screenshot("ledgers");
		click("#ledger-meeting");
		assertThat(text("#ledger-list")).contains("街道三楼会议室", "动员部署会").doesNotContain("东湖街道会议中心");
		click("#ledger-new");
		click("#ledger-save");
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector("#ledger-form .is-invalid")).size() == 5);
		assertThat(text("#ledger-form")).contains("必填");
		screenshot("ledger-form-errors");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("f_meetingType"))).selectByVisibleText("专题会议");
		setValue("#f_date", LocalDate.now().minusDays(1).toString());
		type("#f_place", "浏览器测试会议室");
		type("#f_chairedBy", "胡丽华");
		type("#f_attendance", "21");
		click("#ledger-save");
		assertThat(text("#flash")).contains("记录已保存");
		assertThat(text("#ledger-list")).contains("浏览器测试会议室", "专题会议");

		Path gbk = Files.createTempFile("ledger", ".csv");
		Files.write(gbk, ("单位编码,会议类型,日期,地点,主持人,参会人数\r\nYJCG,培训会," + LocalDate.now().minusDays(2) + ",社区学校,王磊,30\r\n"
				+ "YJDH,培训会," + LocalDate.now().minusDays(2) + ",东湖,陈玉兰,abc\r\n").getBytes(Charset.forName("GBK")));
		driver.findElement(By.id("ledger-file")).sendKeys(gbk.toAbsolutePath().toString());
		click("#ledger-import-submit");
		assertThat(text("#import-problems")).contains("未导入任何记录", "YJDH", "参会人数");
		screenshot("ledger-import-problems");
		assertThat(text("#ledger-list")).doesNotContain("社区学校");

		open("/workplan/tasks?status=IN_PROGRESS");
		driver.findElement(By.xpath("//table[@id='task-list']//tr[td[2]='城关街道']//a")).click();
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("ledger-entry"))).selectByIndex(1);
		click("#ledger-attach");
		assertThat(text("#flash")).contains("佐证材料已添加");
		assertThat(text("#evidence")).contains("会议台账 · 专题会议", "浏览器测试会议室");
		screenshot("task-ledger-evidence");
		driver.findElement(By.xpath("//ul[@id='evidence']/li[contains(., '浏览器测试会议室')]//button[starts-with(@id, 'evidence-remove-')]")).click();
		driver.switchTo().alert().accept();
		assertThat(text("#flash")).contains("佐证材料已移除");
		assertThat(text("#evidence")).doesNotContain("浏览器测试会议室");

		open("/workplan/notices/settings");
		type("#email", "not-an-address");
		click("#settings-save");
		assertThat(text("#settings-form .invalid-feedback")).contains("有效的电子邮件地址");
		type("#email", "officer@yjcg.example.gov.cn");
		// declined whatever other tests chose before (they share the database)
		if (driver.findElement(By.id("kind-DUE_SOON")).isSelected()) {
			click("#kind-DUE_SOON");
		}
		if (!driver.findElement(By.id("kind-OVERDUE")).isSelected()) {
			click("#kind-OVERDUE");
		}
		click("#settings-save");
		assertThat(text("#flash")).contains("通知设置已保存");
		assertThat(driver.findElement(By.id("kind-DUE_SOON")).isSelected()).isFalse();
		assertThat(driver.findElement(By.id("kind-OVERDUE")).isSelected()).isTrue();
		screenshot("notice-settings");
		type("#email", "");
		click("#settings-save");
		logout();
	}
}
