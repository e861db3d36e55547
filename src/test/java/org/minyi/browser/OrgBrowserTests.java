package org.minyi.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** In the browser: the unit tree: creating townships and communities, the import template. */
class OrgBrowserTests extends BrowserTest {

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
}
