package org.minyi.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import jakarta.servlet.http.Cookie;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The residents' pages, the public submission API and the fieldwork downloads, over HTTP. */
@MinyiTest
class WebResponseTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ObjectMapper json;

	@Autowired
	RoundManagement rounds;

	@Autowired
	InstrumentCatalog instruments;

	@Autowired
	UnitManagement units;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	RoundView round;

	@BeforeEach
	void fieldingRound() {
		round = TestRounds.fielding(rounds, instruments, "api test", Set.of(Mode.WEB));
	}

	@Test
	void theApiStoresAResponseOnceAndExplainsEveryRefusalInChinese() throws Exception {
		List<String> tokens = generate(3);
		assertThat(submit(tokens.get(0), StandardAnswers.complete()).getStatus()).isEqualTo(201);

		MockHttpServletResponse replay = submit(tokens.get(0), StandardAnswers.complete());
		assertThat(replay.getStatus()).isEqualTo(409);
		assertThat(replay.getContentAsString()).contains("已经提交过了");

		MockHttpServletResponse invalid = submit(tokens.get(1), StandardAnswers.with("Q1", "NOT_AN_OPTION"));
		assertThat(invalid.getStatus()).isEqualTo(400);
		JsonNode problems = json.readTree(invalid.getContentAsString()).get("problems");
		assertThat(problems.get(0).get("question").asString()).isEqualTo("Q1");
		assertThat(problems.get(0).get("message").asString()).isEqualTo("所选答案不在本题选项中");

		assertThat(submit("AAAAAAAAAAAAAAAAAAAAAA", StandardAnswers.complete()).getStatus()).isEqualTo(404);
		MockHttpServletResponse malformed = mvc.perform(post("/api/v1/public/responses").contentType(MediaType.APPLICATION_JSON)
			.content("{\"token\":")).andReturn().getResponse();
		assertThat(malformed.getStatus()).isEqualTo(400);
		assertThat(malformed.getContentAsString(StandardCharsets.UTF_8)).contains("请求内容无法读取");
		String huge = "{\"token\":\"" + tokens.get(1) + "\",\"answers\":{\"Q12\":[\"" + "x".repeat(70_000) + "\"]}}";
		assertThat(mvc.perform(post("/api/v1/public/responses").contentType(MediaType.APPLICATION_JSON).content(huge))
			.andReturn().getResponse().getStatus()).isEqualTo(413);

		assertThat(jdbc.sql("select count(*) from survey_response where survey_round = :r").param("r", round.id())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void theQuestionnairePageIsPublicStatelessAndKeepsTheTokenOutOfReferrers() throws Exception {
		String token = generate(1).get(0);
		MockHttpServletResponse page = mvc.perform(get("/s/" + token)).andReturn().getResponse();
		assertThat(page.getStatus()).isEqualTo(200);
		assertThat(page.getContentAsString()).contains("您是否年满18周岁", "第 1 / 5 页", "城关街道");
		assertThat(page.getHeader("Set-Cookie")).isNull();
		assertThat(page.getHeader("Referrer-Policy")).isEqualTo("no-referrer");

		MockHttpServletResponse next = mvc.perform(post("/s/" + token).param("page", "0").param("move", "next")
			.param("S1", "YES")).andReturn().getResponse();
		assertThat(next.getContentAsString()).contains("请回答这道题", "id=\"problem-S2\"");

		MockHttpServletResponse invalid = mvc.perform(get("/s/not-a-token")).andReturn().getResponse();
		assertThat(invalid.getStatus()).isEqualTo(404);
		assertThat(invalid.getContentAsString()).contains("链接无效");
	}

	@Test
	void theOpenLinkGivesEachDeviceAnHttpOnlyCookieAndTakesItsAnswers() throws Exception {
		rounds.setOpenLink(round.id(), true);
		MockHttpServletResponse first = mvc.perform(get("/s/open/" + round.id())).andReturn().getResponse();
		assertThat(first.getStatus()).isEqualTo(200);
		String cookie = first.getHeader("Set-Cookie");
		assertThat(cookie).startsWith("minyi_device=").contains("HttpOnly", "SameSite=Lax", "Path=/s/open");
		String device = cookie.substring("minyi_device=".length(), cookie.indexOf(';'));

		assertThat(mvc.perform(post("/s/open/" + round.id()).param("page", "0").param("move", "next").param("S1", "NO"))
			.andReturn().getResponse().getRedirectedUrl()).as("no cookie: back to the start").isEqualTo("/s/open/" + round.id());
		String done = mvc.perform(post("/s/open/" + round.id()).cookie(new Cookie("minyi_device", device))
			.param("page", "0").param("move", "next").param("S1", "NO")).andReturn().getResponse().getRedirectedUrl();
		assertThat(done).isEqualTo("/s/open/" + round.id() + "?done=screened");
		assertThat(mvc.perform(get("/s/open/" + round.id()).cookie(new Cookie("minyi_device", device)))
			.andReturn().getResponse().getContentAsString()).contains("已经提交过了");
		assertThat(jdbc.sql("select channel from survey_response where survey_round = :r").param("r", round.id())
			.query(String.class).single()).isEqualTo("OPEN_LINK");

		rounds.setOpenLink(round.id(), false);
		assertThat(mvc.perform(get("/s/open/" + round.id())).andReturn().getResponse().getStatus()).isEqualTo(404);
	}

	@Test
	void staffDownloadTheInvitationListQrSheetsAndOpenLinkPoster() throws Exception {
		var district = user(users.loadUserByUsername("district"));
		mvc.perform(post("/survey/rounds/{id}/invitations", round.id()).with(csrf()).with(district)
			.param("unitId", String.valueOf(units.findByCode("YJHK").orElseThrow().id())).param("size", "14"));
		long batch = jdbc.sql("select max(id) from invitation_batch where survey_round = :r").param("r", round.id()).query(Long.class).single();

		byte[] xlsx = mvc.perform(get("/survey/rounds/{id}/invitations/{b}/list", round.id(), batch).with(district))
			.andReturn().getResponse().getContentAsByteArray();
		String firstToken;
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(14);
			assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("河口镇");
			firstToken = sheet.getRow(1).getCell(3).getStringCellValue();
			assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).endsWith("/s/" + firstToken);
		}
		assertThat(mvc.perform(get("/s/" + firstToken)).andReturn().getResponse().getStatus()).isEqualTo(200);

		byte[] pdf = mvc.perform(get("/survey/rounds/{id}/invitations/{b}/sheets", round.id(), batch).with(district))
			.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			assertThat(new PDFTextStripper().getText(document)).contains(firstToken);
		}

		mvc.perform(post("/survey/rounds/{id}/open-link", round.id()).with(csrf()).with(district).param("enabled", "true"));
		byte[] png = mvc.perform(get("/survey/rounds/{id}/open-link/poster", round.id()).param("format", "png").with(district))
			.andReturn().getResponse().getContentAsByteArray();
		assertThat(decodeQr(ImageIO.read(new ByteArrayInputStream(png)))).endsWith("/s/open/" + round.id());
	}

	/** A batch whose invitations are all used has no cards to print: the page says so instead of offering an empty PDF. */
	@Test
	void aBatchWithEveryInvitationUsedHasNothingToPrint() throws Exception {
		var district = user(users.loadUserByUsername("district"));
		String token = generate(1).get(0);
		assertThat(submit(token, StandardAnswers.complete()).getStatus()).isEqualTo(201);
		long batch = jdbc.sql("select max(id) from invitation_batch where survey_round = :r").param("r", round.id()).query(Long.class).single();

		var refused = mvc.perform(get("/survey/rounds/{id}/invitations/{b}/sheets", round.id(), batch).with(district))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/survey/rounds/" + round.id() + "/fieldwork"))
			.andReturn();
		assertThat(refused.getResponse().getContentType()).isNull();
		assertThat(refused.getFlashMap().get("flashError")).isEqualTo("这批邀请已全部使用，没有需要打印的二维码卡片。");
		assertThat(mvc.perform(get("/survey/rounds/{id}/fieldwork", round.id()).with(district)).andReturn().getResponse().getContentAsString())
			.contains("id=\"sheets-none-" + batch + "\"");
	}

	private static String decodeQr(BufferedImage image) throws Exception {
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
				new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
	}

	private List<String> generate(int size) throws Exception {
		String body = mvc.perform(post("/api/v1/rounds/{id}/invitations", round.id()).with(csrf())
			.with(user(users.loadUserByUsername("supervisor")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unitId\":" + units.findByCode("YJCG").orElseThrow().id() + ",\"size\":" + size + "}"))
			.andReturn().getResponse().getContentAsString();
		return json.readTree(body).get("tokens").valueStream().map(JsonNode::asString).toList();
	}

	private MockHttpServletResponse submit(String token, Map<String, List<String>> answers) throws Exception {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("token", token);
		body.put("answers", answers);
		return mvc.perform(post("/api/v1/public/responses").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)))
			.andReturn().getResponse();
	}
}
