package org.minyi.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.minyi.org.UnitManagement;
import org.minyi.survey.RoundManagement;
import org.minyi.survey.RoundStatus;
import org.minyi.survey.RoundView;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The browser fixture every browser test shares: the application on a random port with the demo
 * district, headless Chromium (Debian's /usr/bin/chromium and /usr/bin/chromedriver; nothing
 * downloads a browser; skipped with a message where they are missing), and the steps a person takes —
 * signing in, opening, clicking, typing, reading — with screenshots in target/screenshots. The tests
 * themselves are one class per module.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "demo" })
abstract class BrowserTest {

	static final String DEMO_PASSWORD = "Minyi@Demo2026";

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static WebDriver driver;

	@Autowired
	RoundManagement rounds;

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

	RoundView fieldingRound() {
		return rounds.list().stream().filter(r -> r.status() == RoundStatus.FIELDING && r.name().contains("第四季度")).findFirst().orElseThrow();
	}

	/** Clicks an element far down a long page, scrolled to the middle of the window first. */
	void clickInView(WebElement element) {
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		element.click();
	}

	Long horizontalOverflow() {
		return (Long) ((org.openqa.selenium.JavascriptExecutor) driver)
			.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
	}

	/** Signs in and waits for the answer (the next page, or the login page with a message). */
	void login(String username, String password) {
		open("/login");
		String loginPage = driver.getCurrentUrl();
		type("#username", username);
		type("#password", password);
		click("#login-submit");
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.not(ExpectedConditions.urlToBe(loginPage)));
	}

	void logout() {
		open("/");
		click("#logout");
	}

	void open(String path) {
		driver.get("http://localhost:" + port + path);
	}

	/**
	 * Scrolls to the element and clicks it, finding it again if the document was replaced in between
	 * (Chromium then says "Node with given id does not belong to the document").
	 */
	void click(String css) {
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

	void type(String css, String text) {
		var element = driver.findElement(By.cssSelector(css));
		element.clear();
		element.sendKeys(text);
	}

	/** Waits until the element is shown and returns its text, reading it again if the page was replaced meanwhile. */
	String text(String css) {
		return new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> visibleTextOrNull(css));
	}

	void waitForText(String css, String expected) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
			String shown = visibleTextOrNull(css);
			return shown != null && shown.contains(expected);
		});
	}

	/** The element's text, or null while it is missing, hidden or the document is being replaced. */
	String visibleTextOrNull(String css) {
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
	static boolean documentReplaced(org.openqa.selenium.WebDriverException e) {
		return e instanceof org.openqa.selenium.StaleElementReferenceException
				|| e instanceof org.openqa.selenium.JavascriptException
				|| (e.getMessage() != null && e.getMessage().contains("does not belong to the document"));
	}

	static void screenshot(String name) throws IOException {
		byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
		Files.write(SCREENSHOTS.resolve(name + ".png"), png);
	}

	/** Pages 3 and 4 of the standard instrument: satisfied with everyone, knows the campaign, a dispute handled. */
	void answerSatisfactionAndParticipation() {
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
	void nextPage(int page) {
		click("#next");
		waitForText("#progress-text", "第 " + page + " / 5 页");
	}

	/** Sets a field's value as a script would (a date input, which typing does not fill in every locale). */
	void setValue(String css, String value) {
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];",
				driver.findElement(By.cssSelector(css)), value);
	}
}
