package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.minyi.survey.Mode;
import org.minyi.survey.RoundDraft;
import org.minyi.survey.RoundKind;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.minyi.survey.invitation.InvitationBatch;
import org.minyi.survey.invitation.Invitations;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** In the browser: instruments, rounds, invitations, the resident's questionnaire on a phone, official results. */
class SurveyBrowserTests extends BrowserTest {

	@Autowired
	Invitations invitations;

	@Test
	void districtAdminPreviewsEditsAndPublishesAnInstrument() throws IOException {
		login("district", DEMO_PASSWORD);
		click("#nav-instruments");
		assertThat(text("#instruments")).contains("公众安全感和满意度标准问卷", "已发布");
		driver.findElement(By.linkText("公众安全感和满意度标准问卷")).click();
		assertThat(text("#q-Q1a")).contains("仅当 Q1 选择“不太安全”或“不安全”时显示", "盗窃").doesNotContain("NOT_VERY_SAFE");
		assertThat(text("#q-Q1")).as("indicators by their Chinese names").contains("安全感").doesNotContain("SECURITY");
		assertThat(text("#q-S3")).contains("城关街道", "白沙镇");
		screenshot("instrument-preview");

		open("/survey/instruments");
		click("#instruments form button");
		assertThat(text("#flash")).contains("已创建草稿");
		var editor = driver.findElement(By.name("yaml"));
		String yaml = editor.getAttribute("value");
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", editor,
				yaml.replace("SECURITY: 0.5", "SECURITY: 0.6"));
		driver.findElement(By.id("instrument-edit")).submit();
		assertThat(text("#instrument-problems")).contains("权重之和为 1.1");
		screenshot("instrument-draft-problems");

		editor = driver.findElement(By.name("yaml"));
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", editor,
				yaml.replace("平安建设工作满意吗", "平安建设工作总体满意吗"));
		driver.findElement(By.id("instrument-edit")).submit();
		assertThat(text("#flash")).contains("草稿已保存");
		assertThat(text("#q-Q7")).contains("总体满意吗");
		click("#publish");
		driver.switchTo().alert().accept();
		assertThat(text("#instrument-status")).isEqualTo("已发布");
		screenshot("instrument-published");
		logout();
	}

	@Test
	void districtAdminCreatesARoundSetsTargetsAndStartsFielding() throws IOException {
		login("district", DEMO_PASSWORD);
		click("#nav-rounds");
		assertThat(text("#rounds")).contains("2026年第三季度模拟民调", "已结束", "官方测评");
		screenshot("rounds");
		click("#new-round");
		type("#name", "浏览器测试轮次");
		driver.findElement(By.id("periodStart")).sendKeys("09012026");
		driver.findElement(By.id("periodEnd")).sendKeys("09302026");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("instrumentVersionId"))).selectByIndex(1);
		screenshot("round-form");
		click("#round-save");
		assertThat(text("#flash")).contains("已创建测评轮次");
		assertThat(text("#targets")).contains("云江区", "城关街道", "公安分局");

		var score = driver.findElement(By.cssSelector("#targets tr:nth-child(2) input[name^=score]"));
		score.sendKeys("88");
		click("#targets-save");
		assertThat(text("#flash")).contains("目标已保存");
		assertThat(driver.findElement(By.cssSelector("#targets tr:nth-child(2) input[name^=score]")).getAttribute("value"))
			.startsWith("88");

		click("#round-edit");
		type("#name", "浏览器测试轮次（修订）");
		clickInView(driver.findElement(By.xpath("//label[contains(., '司法局')]/preceding-sibling::input")));
		screenshot("round-edit");
		click("#round-save");
		assertThat(text("#flash")).contains("测评轮次已修改");
		assertThat(text("h1")).contains("浏览器测试轮次（修订）");
		assertThat(text("#targets")).contains("公安分局").doesNotContain("司法局");
		assertThat(driver.findElement(By.cssSelector("#targets tr:nth-child(2) input[name^=score]")).getAttribute("value"))
			.as("a unit that stays keeps its target").startsWith("88");
		click("#to-FIELDING");
		driver.switchTo().alert().accept();
		assertThat(text("#round-status")).isEqualTo("调查中");
		assertThat(driver.findElements(By.id("round-edit"))).as("a fielding round is no longer edited").isEmpty();
		screenshot("round-detail");
		logout();
	}

	@Test
	void supervisorFollowsFieldworkAndPrintsInvitations() throws IOException {
		login("supervisor", DEMO_PASSWORD);
		open("/survey/rounds/" + fieldingRound().id() + "/fieldwork");
		assertThat(text("#counts-table")).contains("城关街道", "河口镇");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("unitId")))
			.selectByValue(String.valueOf(units.findByCode("YJCG").orElseThrow().id()));
		type("#size", "24");
		click("#generate");
		assertThat(text("#flash")).contains("已生成 24 个邀请码");
		assertThat(text("#batches")).contains("24");
		assertThat(driver.findElements(By.cssSelector("#open-link a"))).as("poster downloads of the open link").hasSize(2);
		screenshot("fieldwork");
		logout();
	}

	@Test
	void residentAnswersOnAPhoneResumesAndCannotSubmitTwice() throws IOException {
		RoundView round = fieldingRound();
		InvitationBatch batch = invitations.generate(round.id(), units.findByCode("YJCG").orElseThrow().id(), 1);
		String token = invitations.tokens(batch.id()).get(0).token();
		driver.manage().window().setSize(new Dimension(360, 740));
		try {
			open("/s/" + token);
			assertThat(text("#progress-text")).contains("第 1 / 5 页");
			assertThat(horizontalOverflow()).isLessThanOrEqualTo(0L);
			screenshot("respond-phone-screening");
			click("input[name=S1][value=YES]");
			click("input[name=S2][value=YES]");
			new org.openqa.selenium.support.ui.Select(driver.findElement(By.name("S4"))).selectByValue("YJCG03");
			nextPage(2);

			click("input[name=Q1][value=NOT_VERY_SAFE]");
			click("input[name=Q2][value=SAME]");
			click("#next");
			assertThat(text("#problem-Q1a")).contains("请补充回答");
			screenshot("respond-phone-follow-up");
			click("input[name=Q1a][value=FRAUD]");
			nextPage(3);

			open("/login");
			open("/s/" + token);
			assertThat(text("#progress-text")).as("resumes where the resident left").contains("第 3 / 5 页");
			answerSatisfactionAndParticipation();
			type("textarea[name=Q12]", "希望多宣传防诈骗知识");
			nextPage(5);
			click("input[name=D1][value=FEMALE]");
			click("input[name=D2][value=AGE_60_PLUS]");
			assertThat(text("#next")).isEqualTo("提交");
			screenshot("respond-phone-last-page");
			Object firstClick = ((org.openqa.selenium.JavascriptExecutor) driver).executeAsyncScript("""
					const done = arguments[arguments.length - 1];
					const form = document.getElementById('respond-form');
					const data = new URLSearchParams(new FormData(form));
					data.append('move', 'next');
					fetch(form.action, {method: 'POST', body: data}).then(r => done(r.url));""");
			assertThat(firstClick).as("the first click submitted").asString().endsWith("?done=complete");
			click("#next");
			assertThat(text("#respond-done")).as("the second click of submit is refused").contains("已经提交过了");
			screenshot("respond-phone-second-submit");
			assertThat(jdbc.sql("select count(*) from survey_response r join invitation i on i.id = r.invitation_id "
					+ "where i.id = (select min(id) from invitation where batch_id = :b)").param("b", batch.id())
				.query(Long.class).single()).isEqualTo(1);
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	@Test
	void residentSeesThanksAfterSubmitting() throws IOException {
		RoundView round = fieldingRound();
		InvitationBatch batch = invitations.generate(round.id(), units.findByCode("YJHK").orElseThrow().id(), 1);
		open("/s/" + invitations.tokens(batch.id()).get(0).token());
		click("input[name=S1][value=NO]");
		click("#next");
		assertThat(text("#respond-done")).contains("提交成功");
		screenshot("respond-thanks");
	}

	@Test
	void residentsAreToldWhenALinkIsInvalidOrTheSurveyIsClosed() throws IOException {
		open("/s/AAAAAAAAAAAAAAAAAAAAAA");
		assertThat(text("#respond-invalid")).contains("链接无效");
		screenshot("respond-invalid");
		RoundView round = rounds.create(new RoundDraft("closed for residents", RoundKind.MOCK, LocalDate.of(2026, 11, 1),
				LocalDate.of(2026, 11, 30), fieldingRound().instrumentVersionId(), Set.of(Mode.WEB)));
		rounds.moveTo(round.id(), RoundStatus.FIELDING);
		InvitationBatch batch = invitations.generate(round.id(), units.findByCode("YJCG").orElseThrow().id(), 1);
		rounds.moveTo(round.id(), RoundStatus.CLOSED);
		open("/s/" + invitations.tokens(batch.id()).get(0).token());
		assertThat(text("#respond-closed")).contains("没有开放");
		screenshot("respond-closed");
	}

	@Test
	void districtAdminComparesOfficialResultsWithTargets() throws IOException {
		login("district", DEMO_PASSWORD);
		RoundView official = rounds.list().stream().filter(r -> r.name().startsWith("2025")).findFirst().orElseThrow();
		open("/survey/rounds/" + official.id());
		click("#official-link");
		assertThat(text("#official-YJ")).contains("云江区", "前 3 位", "排名未达标");
		assertThat(text("#official-YJLX")).contains("得分达标");
		screenshot("official-results");
		var rank = driver.findElement(By.name("rank-" + units.findByCode("YJ").orElseThrow().id()));
		rank.clear();
		rank.sendKeys("3");
		click("#official-save");
		assertThat(text("#flash")).contains("官方结果已保存");
		assertThat(text("#official-YJ")).contains("排名达标");
		logout();
	}
}
