package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.minyi.survey.RoundView;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In the browser: round results with intervals and rank sets, weighting, a unit officer's own results. */
class ScoringBrowserTests extends BrowserTest {

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
}
