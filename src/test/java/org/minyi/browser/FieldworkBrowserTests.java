package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In the browser: sample frames, telephone fieldwork and its monitor, quality control. */
class FieldworkBrowserTests extends BrowserTest {

	@Test
	void supervisorImportsASampleFrameAndTheDistrictPurgesIt() throws IOException {
		login("supervisor", DEMO_PASSWORD);
		click("#nav-frames");
		assertThat(text("#frame-list")).contains("2026年电话样本（演示）");
		screenshot("frames");
		Path file = Files.createTempFile("frame", ".csv");
		StringBuilder csv = new StringBuilder("电话号码,镇(街道),性别\n13512340001,城关街道,女\n13512340002,YJHK,男\n135,城关街道,\n");
		for (int i = 0; i < 60_000; i++) {
			csv.append(String.format("134%08d,YJCG,%n", i));
		}
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		type("#frame-name", "browser frame");
		driver.findElement(By.id("frame-file")).sendKeys(file.toAbsolutePath().toString());
		click("#frame-submit");
		new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().matches(".*/fieldwork/frames/\\d+"));
		screenshot("frame-importing");
		new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
			String shown = visibleTextOrNull("#frame-summary");
			return shown != null && shown.contains("已导入 60,002 个号码");
		});
		assertThat(text("#frame-numbers")).contains("135****0001", "城关街道", "女").doesNotContain("13512340001");
		assertThat(driver.findElements(By.id("frame-rejections"))).hasSize(1);
		assertThat(driver.findElements(By.id("frame-purge"))).as("only the district admin destroys numbers").isEmpty();
		screenshot("frame");
		String framePage = driver.getCurrentUrl();
		logout();
		login("district", DEMO_PASSWORD);
		driver.get(framePage);
		click("#frame-purge");
		driver.switchTo().alert().accept();
		assertThat(text("#frame-purged")).contains("销毁");
		logout();
	}

	@Test
	void supervisorMonitorsTelephoneFieldworkDrawsMoreAndKeepsADoNotCallList() throws IOException {
		login("supervisor", DEMO_PASSWORD);
		click("#nav-cati-rounds");
		driver.findElement(By.linkText(fieldingRound().name())).click();
		assertThat(text("#progress")).contains("城关街道", "河口镇", "合计");
		assertThat(text("#aapor-rates")).contains("RR1", "RR6", "COOP1", "REF3", "CON3");
		assertThat(text("#dispositions")).contains("无人接听", "完成访问");
		assertThat(text("#productivity")).contains("interviewer");
		screenshot("cati-monitor");
		clickInView(driver.findElement(By.cssSelector("#assignments input[aria-label='interviewer 河口镇']")));
		click("#assignment-save");
		assertThat(text("#flash")).contains("访问员分工已保存");
		assertThat(driver.findElement(By.cssSelector("#assignments input[aria-label='interviewer 河口镇']")).isSelected()).isTrue();
		screenshot("cati-assignments");
		clickInView(driver.findElement(By.cssSelector("#assignments input[aria-label='interviewer 河口镇']")));
		click("#assignment-save");
		assertThat(text("#flash")).contains("访问员分工已保存");
		assertThat(driver.findElement(By.cssSelector("#assignments input[aria-label='interviewer 河口镇']")).isSelected())
			.as("back to all townships").isFalse();
		click("#draw-submit");
		assertThat(text("#flash")).contains("已抽取");
		assertThat(driver.findElements(By.cssSelector("#draws tbody tr"))).hasSize(2);
		assertThat(text("#draws tbody")).as("the frame by its name, the demo's draw by the system")
			.contains("2026年电话样本（演示）", "系统").doesNotContain("null");

		click("#dnc-link");
		type("#number", "139 0000 1111");
		click("#dnc-add");
		assertThat(text("#flash")).contains("已加入免打扰名单");
		assertThat(text("#dnc-list")).contains("139****1111").doesNotContain("13900001111");
		type("#number", "12345");
		click("#dnc-add");
		assertThat(text("#flash-error")).contains("号码");
		screenshot("do-not-call");
		logout();
	}

	@Test
	void interviewerRecordsANoAnswerCompletesAnInterviewAndTheSupervisorSeesTheRatesChange() throws IOException {
		String monitor = "/fieldwork/rounds/" + fieldingRound().id();
		login("supervisor", DEMO_PASSWORD);
		open(monitor);
		String completesBefore = text("#progress tr.fw-bold td:nth-child(3)");
		String callsBefore = interviewerCalls();
		String ratesBefore = text("#aapor-rates");
		logout();

		login("interviewer", DEMO_PASSWORD);
		click("#nav-cati");
		screenshot("cati-console");
		click("#next-" + fieldingRound().id());
		assertThat(text("#call-number")).matches("1\\d{10}");
		assertThat(new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("disposition"))).getOptions())
			.as("plain outcomes for the interviewer, no AAPOR codes").isNotEmpty()
			.allSatisfy(option -> assertThat(option.getText()).doesNotContainPattern("\\d\\.\\d"));
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("disposition"))).selectByValue("APPOINTMENT");
		click("#record");
		assertThat(text("#flash-error")).contains("预约再访需要填写一个将来的时间");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("disposition"))).selectByValue("NO_ANSWER");
		click("#record");
		assertThat(text("#flash")).contains("拨打结果已保存");

		click("#next-" + fieldingRound().id());
		assertThat(text("#script")).contains("公众安全感和满意度调查");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("gender"))).selectByValue("FEMALE");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("ageGroup"))).selectByValue("AGE_45_59");
		screenshot("cati-call");
		String callPage = driver.getCurrentUrl();
		click("#screen");
		waitForText("#progress-text", "第 1 / 5 页");
		click("input[name=S1][value=YES]");
		click("input[name=S2][value=YES]");
		nextPage(2);
		click("input[name=Q1][value=SAFE]");
		click("input[name=Q2][value=SAME]");
		nextPage(3);
		answerSatisfactionAndParticipation();
		nextPage(5);
		assertThat(driver.findElement(By.cssSelector("input[name=D1][value=FEMALE]")).isSelected())
			.as("the screening answers are carried into the instrument").isTrue();
		screenshot("cati-interview");
		click("#next");
		assertThat(text("#flash")).contains("访问已完成");
		driver.get(callPage);
		assertThat(text("main")).as("a closed case is no longer the interviewer's").contains("不存在");
		logout();

		login("supervisor", DEMO_PASSWORD);
		open(monitor);
		assertThat(Integer.parseInt(text("#progress tr.fw-bold td:nth-child(3)"))).isEqualTo(Integer.parseInt(completesBefore) + 1);
		assertThat(Integer.parseInt(interviewerCalls())).as("two calls made").isEqualTo(Integer.parseInt(callsBefore) + 2);
		assertThat(text("#aapor-rates")).isNotEqualTo(ratesBefore);
		logout();
	}

	@Test
	void supervisorVerifiesAFlaggedInterviewAndInvalidatesIt() throws IOException {
		String monitor = "/fieldwork/rounds/" + fieldingRound().id();
		login("supervisor", DEMO_PASSWORD);
		open(monitor);
		String completesBefore = text("#progress tr.fw-bold td:nth-child(3)");
		click("#qc-link");
		assertThat(text("#interviewer-check")).contains("interviewer", "interviewer2", "interviewer3");
		assertThat(driver.findElements(By.cssSelector("#interviewer-check tr.table-danger")))
			.as("the demo fabricator stands out, and only they").singleElement()
			.satisfies(row -> assertThat(row.getText()).contains("interviewer3", "异常"));
		String invalidatedBefore = text("#qc-invalidated");
		screenshot("cati-qc");

		click("#show-FLAGGED");
		WebElement add = driver.findElement(By.cssSelector("#qc-interviews button[id^=verify-]"));
		String attempt = add.getAttribute("id").substring("verify-".length());
		clickInView(add);
		assertThat(text("#flash")).contains("已加入核查样本");
		click("#open-" + attempt);
		assertThat(text("#interview-facts")).contains("interviewer");
		click("#reveal-number");
		assertThat(text("#verification-number")).matches("1\\d{10}");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("outcome"))).selectByValue("NOT_CONFIRMED");
		type("#note", "受访者表示没有接到过电话");
		click("#verification-save");
		assertThat(text("#flash")).contains("核查结果已保存");
		click("#open-" + attempt);
		assertThat(text("#verification-outcome")).contains("否认受访");
		type("#reason", "核查回拨否认受访");
		click("#invalidate");
		driver.switchTo().alert().accept();
		assertThat(text("#flash")).contains("访问已作废");
		assertThat(text("#invalidation")).contains("核查回拨否认受访");
		screenshot("cati-qc-interview");

		open(monitor + "/qc");
		assertThat(Integer.parseInt(text("#qc-invalidated"))).isEqualTo(Integer.parseInt(invalidatedBefore) + 1);
		open(monitor);
		assertThat(Integer.parseInt(text("#progress tr.fw-bold td:nth-child(3)"))).isEqualTo(Integer.parseInt(completesBefore) - 1);
		logout();
	}

	/** The demo interviewer's calls in the monitor's productivity table. */
	private String interviewerCalls() {
		return driver.findElement(By.xpath("//table[@id='productivity']//tr[td[1]='interviewer']/td[2]")).getText();
	}
}
