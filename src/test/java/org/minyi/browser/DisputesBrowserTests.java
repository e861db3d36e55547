package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** In the browser: a dispute recorded and mediated to an agreement that is kept. */
class DisputesBrowserTests extends BrowserTest {

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
}
