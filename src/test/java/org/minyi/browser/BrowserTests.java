package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.minyi.org.UnitManagement;
import org.minyi.survey.Mode;
import org.minyi.survey.RoundDraft;
import org.minyi.survey.RoundKind;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.minyi.survey.invitation.InvitationBatch;
import org.minyi.survey.invitation.Invitations;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The main paths in headless Chromium (Debian's /usr/bin/chromium and /usr/bin/chromedriver;
 * nothing downloads a browser). Screenshots go to target/screenshots.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
class BrowserTests {

	private static final String DEMO_PASSWORD = "Minyi@Demo2026";

	private static final Path SCREENSHOTS = Path.of("target/screenshots");

	private static WebDriver driver;

	@Autowired
	RoundManagement rounds;

	@Autowired
	Invitations invitations;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		Assumptions.assumeTrue(new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute(),
				"Browser tests need Debian's chromium and chromium-driver (apt-get install chromium chromium-driver); .ci/run installs them");
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--window-size=1280,900", "--lang=zh-CN");
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
		driver = new ChromeDriver(service, options);
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@BeforeEach
	void signedOut() {
		driver.manage().deleteAllCookies();
	}

	@Test
	void districtAdminCreatesTownshipAndCommunityAndImportsTemplate() throws IOException {
		login("district", DEMO_PASSWORD);
		open("/org/units");
		assertThat(text("#unit-tree")).contains("城关街道", "河口镇", "公安分局", "卫生健康局");
		screenshot("units-tree");

		type("#unit-search input[name=q]", "社区");
		click("#unit-search button[type=submit]");
		assertThat(text("#unit-results")).contains("解放路社区");
		assertThat(driver.getCurrentUrl()).as("htmx pushed the search into the address bar").contains("q=");
		screenshot("units-search");

		click("a[href='?lang=en']");
		assertThat(text("#nav-units")).isEqualTo("Organisation");
		screenshot("units-english");
		click("a[href='?lang=zh_CN']");
		assertThat(text("#nav-units")).isEqualTo("组织机构");

		String code = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		click("#new-unit");
		type("#code", code);
		type("#name", "浏览器测试街道");
		driver.findElement(By.cssSelector("#kind option[value='TOWNSHIP']")).click();
		type("#parentCode", "YJ");
		type("#populationTotal", "5000");
		screenshot("unit-form");
		click("#unit-save");
		assertThat(text("#flash")).contains("已创建单位：浏览器测试街道");
		assertThat(text("#unit-name")).isEqualTo("浏览器测试街道");

		click("#add-child");
		type("#code", code + "01");
		type("#name", "浏览器测试社区");
		type("#population" + "MALE_AGE_18_29", "300");
		click("#unit-save");
		assertThat(text("#flash")).contains("浏览器测试社区");
		assertThat(text(".breadcrumb")).contains("组织机构");
		screenshot("unit-detail");

		Path file = Files.createTempFile("units", ".csv");
		Files.writeString(file, "单位编码,单位名称,单位类型,上级单位编码\n" + code + "02,导入社区,村/社区," + code + "\n",
				StandardCharsets.UTF_8);
		open("/org/units/import");
		driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		click("#import-submit");
		assertThat(text("#import-success")).contains("新建 1 个单位");
		screenshot("unit-import-success");

		Files.writeString(file, "单位编码,单位名称,单位类型\n" + code + "03,坏行,不存在的类型\n", Charset.forName("GBK"));
		driver.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
		click("#import-submit");
		assertThat(text("#import-problems")).contains("缺少必填列", "系统未做任何修改");
		screenshot("unit-import-problems");
		logout();
	}

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
	void districtAdminPreviewsEditsAndPublishesAnInstrument() throws IOException {
		login("district", DEMO_PASSWORD);
		click("#nav-instruments");
		assertThat(text("#instruments")).contains("公众安全感和满意度标准问卷", "已发布");
		driver.findElement(By.linkText("公众安全感和满意度标准问卷")).click();
		assertThat(text("#q-Q1a")).contains("仅当 Q1 选择", "盗窃");
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

	private RoundView fieldingRound() {
		return rounds.list().stream().filter(r -> r.status() == RoundStatus.FIELDING && r.name().contains("第四季度")).findFirst().orElseThrow();
	}

	/** Clicks an element far down a long page, scrolled to the middle of the window first. */
	/** The demo interviewer's calls in the monitor's productivity table. */
	private String interviewerCalls() {
		return driver.findElement(By.xpath("//table[@id='productivity']//tr[td[1]='interviewer']/td[2]")).getText();
	}

	private void clickInView(WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	/** Pages 3 and 4 of the standard instrument: satisfied with everyone, knows the campaign, a dispute handled. */
	private void answerSatisfactionAndParticipation() {
		for (String question : List.of("Q3", "Q4", "Q5", "Q6", "Q7")) {
			click("input[name=" + question + "][value=SATISFIED]");
		}
		nextPage(4);
		click("input[name=Q8][value=KNOW]");
		click("input[name=Q9][value=DID_NOT]");
		click("input[name=Q10][value=SOMETIMES]");
		click("input[name=Q11][value=HANDLED]");
	}

	/** Moves on in the questionnaire and waits until the given page is shown. */
	private void nextPage(int page) {
		click("#next");
		waitForText("#progress-text", "第 " + page + " / 5 页");
	}

	private Long horizontalOverflow() {
		return (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
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

	@Test
	void supervisorReadsRoundResultsWithIntervalsAndRankSets() throws IOException {
		login("supervisor", DEMO_PASSWORD); // not "leader": lockoutIsExplained locks that account
		RoundView closed = rounds.list().stream().filter(r -> r.name().startsWith("2026年第三季度")).findFirst().orElseThrow();
		open("/survey/rounds/" + closed.id());
		click("#results-link");
		assertThat(text("#results")).contains("云江区", "城关街道", "名 (");
		assertThat(text("#snapshot-info")).contains("综合得分");
		assertThat(text("#weighting")).contains("校准到镇(街道)人口、性别结构、年龄结构");
		assertThat(text("#department-results")).contains("公安分局", "公安满意度", "名 (");
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("#ranking-chart[data-chart-drawn=ranking] canvas")).isEmpty());
		screenshot("results");
		click("#results thead th:nth-child(3)");
		List<?> estimates = (List<?>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
				"return Array.from(document.querySelectorAll('#results tbody tr:not([data-pinned=true]) td:nth-child(3)'))"
						+ ".map(c => c.getAttribute('data-sort')).filter(v => v !== '').map(Number);");
		assertThat(estimates.stream().map(v -> ((Number) v).doubleValue()).toList()).as("sorted by estimate, ascending")
			.hasSizeGreaterThan(3).isSorted();
		assertThat(text("#results tbody tr:first-child")).as("the district stays on top").contains("云江区");
		click("#result-YJCG a");
		assertThat(text("#unit-indicators")).contains("安全感", "综合得分");
		assertThat(text("#unit-groups")).contains("按性别", "按年龄");
		assertThat(text("#unit-ledger")).contains("2025年度");
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> !d.findElements(By.cssSelector("#trend-chart[data-chart-drawn=trend] canvas")).isEmpty());
		assertThat(driver.findElements(By.cssSelector("#radar-chart[data-chart-drawn=radar] canvas"))).isNotEmpty();
		screenshot("results-unit");
		driver.manage().window().setSize(new Dimension(1280, 2400));
		try {
			screenshot("results-unit-full");
		}
		finally {
			driver.manage().window().setSize(new Dimension(1280, 900));
		}
		logout();
	}

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
		open("/workplan/board?plan=" + planId);
		assertThat(text("#board")).contains("城关街道", "办结");
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
		click("#kind-DUE_SOON");
		click("#settings-save");
		assertThat(text("#flash")).contains("通知设置已保存");
		assertThat(driver.findElement(By.id("kind-DUE_SOON")).isSelected()).isFalse();
		assertThat(driver.findElement(By.id("kind-OVERDUE")).isSelected()).isTrue();
		screenshot("notice-settings");
		type("#email", "");
		click("#settings-save");
		logout();
	}

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
	void townshipRecordsADisputeAndMediatesItToAnAgreementThatIsKept() throws IOException {
		login("officer", DEMO_PASSWORD);
		click("#nav-disputes");
		assertThat(text("#dispute-list")).contains("楼上漏水损坏天花板");
		click("#dispute-new");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("type"))).selectByVisibleText("邻里纠纷");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("risk"))).selectByVisibleText("中风险");
		type("#amount", "2000");
		type("#summary", "浏览器测试：楼道堆物引发争吵");
		type("#description", "7幢两户因楼道堆物多次争吵。");
		type("#party-name-1", "王大妈");
		type("#party-phone-1", "13805717777");
		type("#party-name-2", "刘先生");
		screenshot("dispute-form");
		click("#dispute-save");
		assertThat(text("#flash")).contains("纠纷已登记");
		assertThat(text("#dispute-parties")).contains("王**", "138****7777").doesNotContain("13805717777");
		new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("mediation-type"))).selectByVisibleText("人民调解");
		type("#mediator", "张调解员");
		click("#action-START_MEDIATION");
		assertThat(text("#dispute-status")).isEqualTo("调解中");
		type("#session-participants", "王大妈、刘先生、张调解员");
		type("#session-notes", "双方同意清理楼道杂物。");
		click("#session-save");
		assertThat(text("#dispute-sessions")).contains("双方同意清理楼道杂物");
		type("#outcome-comment", "刘先生三日内清理楼道杂物，双方不再争吵。");
		click("#action-AGREE");
		assertThat(text("#dispute-status")).isEqualTo("达成协议");
		screenshot("dispute-agreed");
		click("#action-CONFIRM_FULFILMENT");
		assertThat(text("#dispute-status")).isEqualTo("已化解");
		click("#dispute-parties button[id^='party-reveal-']");
		assertThat(text("#party-clear")).contains("王大妈", "13805717777");
		assertThat(text("#history")).contains("开始调解", "调解", "达成协议", "协议已履行");
		logout();

		login("district", DEMO_PASSWORD);
		click("#notices-link");
		assertThat(text("#notices")).contains("受理高风险矛盾纠纷“宅基地边界纠纷双方对峙”", "请回访群众");
		screenshot("district-notices");
		driver.findElement(By.xpath("//*[@id='notices']//a[contains(., '宅基地边界纠纷双方对峙')]")).click();
		waitForText("#dispute-status", "");
		click("#nav-disputes");
		assertThat(text("#high-risk")).contains("宅基地边界纠纷双方对峙", "工地拖欠农民工工资");
		screenshot("disputes");
		open("/disputes/metrics");
		assertThat(text("#dispute-metrics-table")).contains("城关街道", "邻里纠纷", "合计");
		screenshot("dispute-metrics");
		click("#nav-focus");
		assertThat(text("section")).contains("拉低得分的指标");
		String community = driver.findElement(By.cssSelector("button[id^='assign-']")).getAttribute("id").substring("assign-".length());
		click("#assign-" + community);
		assertThat(text("#flash")).contains("定点联系");
		click("#publicity-" + community);
		assertThat(text("#flash")).contains("宣传任务");
		screenshot("focus");
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

	private void setValue(String css, String value) {
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
				driver.findElement(By.cssSelector(css)), value);
	}

	@Test
	void districtAdminSetsTheWeightingOfARound() throws IOException {
		login("district", DEMO_PASSWORD);
		open("/scoring/rounds/" + fieldingRound().id());
		click("#settings-link");
		assertThat(driver.findElement(By.id("margin-GENDER")).isSelected()).isTrue();
		assertThat(text("#settings-form")).contains("公安分局");
		type("#trimLow", "2");
		click("#settings-save");
		assertThat(text("#flash-error")).contains("截尾下限必须大于 0 且不超过 1");
		type("#trimLow", "0.3");
		type("#trimHigh", "3");
		click("#settings-save");
		assertThat(text("#flash")).contains("加权设置已保存");
		assertThat(driver.findElement(By.id("trimHigh")).getAttribute("value")).isEqualTo("3.0");
		screenshot("scoring-settings");
		logout();
	}

	@Test
	void unitOfficerSeesOnlyTheirTownshipsResults() throws IOException {
		login("officer", DEMO_PASSWORD);
		click("#nav-results");
		assertThat(text("#result-rounds")).contains("2026年第三季度模拟民调");
		screenshot("result-rounds");
		driver.findElement(By.linkText("2026年第三季度模拟民调")).click();
		assertThat(text("#results")).contains("城关街道").doesNotContain("河口镇");
		screenshot("results-unit-officer");
		logout();
	}

	@Test
	void apiDocumentationRendersUnderTheContentSecurityPolicy() throws IOException {
		login("district", DEMO_PASSWORD);
		open("/api/docs");
		assertThat(text(".swagger-ui .opblock-tag-section")).isNotBlank();
		assertThat(driver.getPageSource()).contains("/api/v1/units");
		screenshot("api-docs");
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

	/** Signs in and waits for the answer (the next page, or the login page with a message). */
	private void login(String username, String password) {
		open("/login");
		String loginPage = driver.getCurrentUrl();
		type("#username", username);
		type("#password", password);
		click("#login-submit");
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlToBe(loginPage)));
	}

	private void logout() {
		open("/");
		click("#logout");
	}

	private void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	/**
	 * Scrolls to the element and clicks it, finding it again if the document was replaced in between
	 * (Chromium then says "Node with given id does not belong to the document").
	 */
	private void click(String css) {
		for (int attempt = 1;; attempt++) {
			try {
				var element = driver.findElement(By.cssSelector(css));
				((org.openqa.selenium.JavascriptExecutor) driver)
					.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
				element.click();
				return;
			}
			catch (org.openqa.selenium.WebDriverException e) {
				if (attempt == 3 || !documentReplaced(e)) {
					throw e;
				}
			}
		}
	}

	private void type(String css, String text) {
		var element = driver.findElement(By.cssSelector(css));
		element.clear();
		element.sendKeys(text);
	}

	/** Waits until the element is shown and returns its text, reading it again if the page was replaced meanwhile. */
	private String text(String css) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> visibleTextOrNull(css));
	}

	private void waitForText(String css, String expected) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
			String shown = visibleTextOrNull(css);
			return shown != null && shown.contains(expected);
		});
	}

	/** The element's text, or null while it is missing, hidden or the document is being replaced. */
	private String visibleTextOrNull(String css) {
		try {
			var element = driver.findElement(By.cssSelector(css));
			return element.isDisplayed() ? element.getText() : null;
		}
		catch (org.openqa.selenium.NoSuchElementException e) {
			return null;
		}
		catch (org.openqa.selenium.WebDriverException e) {
			if (documentReplaced(e)) {
				return null;
			}
			throw e;
		}
	}

	/**
	 * Whether the element went away with the document it belonged to: Chromium reports a stale element, a failed
	 * script on it, or "Node with given id does not belong to the document" when a navigation lands in between.
	 */
	private static boolean documentReplaced(org.openqa.selenium.WebDriverException e) {
		return e instanceof org.openqa.selenium.StaleElementReferenceException
				|| e instanceof org.openqa.selenium.JavascriptException
				|| (e.getMessage() != null && e.getMessage().contains("does not belong to the document"));
	}

	private static void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}
}
