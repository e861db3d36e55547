package org.minyi.fieldwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.minyi.MinyiTest;
import org.minyi.org.UnitManagement;
import org.minyi.platform.BusinessRuleException;
import org.minyi.platform.PageRequest;
import org.minyi.platform.tabular.ExcelExport;
import org.minyi.fieldwork.SampleFrames.FrameView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MinyiTest
class SampleFramesTests {

	@Autowired
	SampleFrames frames;

	@Autowired
	UnitManagement units;

	@Autowired
	JdbcClient jdbc;

	/** Rows 2–11 of a file saved by Chinese Excel (GBK): four numbers kept once, the rest refused with reasons. */
	@Test
	void aGbkFileIsImportedOnceSealedWithEveryRefusedRowReported() {
		String csv = """
				电话号码,镇(街道),村(社区),性别,年龄段,职业
				138 1234 0001,城关街道,解放路社区,女,60岁及以上,退休
				+86 13812340001,YJCG,,,,
				0571-81600569,河口镇,,男,18-29岁,
				13912340002,YJHK,,MALE,AGE_30_44,教师
				1381234,城关街道,,,,
				13812340003,不存在镇,,,,
				13812340004,城关街道,湖滨社区,,,
				13812340005,城关街道,,未知,,
				=HYPERLINK("http://x"),城关街道,,,,
				13812340006,城关街道,,,45-59,
				""";
		FrameView frame = frames.importFile("GBK frame", null, new ByteArrayInputStream(csv.getBytes(Charset.forName("GBK"))));
		assertThat(List.of(frame.imported(), frame.duplicates(), frame.invalid(), frame.unknownTownships())).containsExactly(4, 1, 4, 1);
		List<SampleFrames.Rejection> rejections = new ArrayList<>();
		frames.rejections(frame.id(), rejections::add);
		assertThat(rejections).extracting(SampleFrames.Rejection::row, SampleFrames.Rejection::reason).containsExactly(
				org.assertj.core.groups.Tuple.tuple(6, "phone.error.invalid"),
				org.assertj.core.groups.Tuple.tuple(7, "fieldwork.frame.reject.township"),
				org.assertj.core.groups.Tuple.tuple(8, "fieldwork.frame.reject.community"),
				org.assertj.core.groups.Tuple.tuple(9, "fieldwork.frame.reject.gender"),
				org.assertj.core.groups.Tuple.tuple(10, "fieldwork.frame.reject.formula"));
		assertThat(rejections.get(1).value()).as("refused numbers are masked too").isEqualTo("138****0003");
		var numbers = frames.numbers(frame.id(), PageRequest.of(0, 50, null, null)).items();
		assertThat(numbers).extracting(SampleFrames.FrameNumber::masked)
			.containsExactly("138****0001", "0571-****0569", "139****0002", "138****0006");
		assertThat(numbers.get(0).gender()).isEqualTo("FEMALE");
		assertThat(numbers.get(0).ageGroup()).isEqualTo("AGE_60_PLUS");
		assertThat(numbers.get(0).communityId()).isEqualTo(units.findByCode("YJCG01").orElseThrow().id());
		assertThat(numbers.get(3).ageGroup()).isEqualTo("AGE_45_59");
		Map<String, Object> stored = jdbc.sql("select phone_sealed, attributes from frame_number where id = :id")
			.param("id", numbers.get(0).id()).query().singleRow();
		assertThat(stored.get("phone_sealed").toString()).doesNotContain("13812340001").doesNotContain("0001");
		assertThat(stored.get("attributes").toString()).contains("退休");
	}

	@Test
	void aFileWithoutTheTownshipColumnImportsNothing() {
		String csv = "电话号码,备注\n13812349999,x\n";
		assertThatThrownBy(() -> frames.importFile("no township", null, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))))
			.isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.messageKey()).isEqualTo("fieldwork.frame.error.column"));
		assertThatThrownBy(() -> frames.importFile("not a table", null, new ByteArrayInputStream(new byte[] { 0, 1, 2, 3 })))
			.isInstanceOf(BusinessRuleException.class);
		assertThatThrownBy(() -> frames.importFile("forged round", 987654321L, new ByteArrayInputStream("电话号码,镇(街道)\n13812349999,YJCG\n"
			.getBytes(StandardCharsets.UTF_8)))).isInstanceOfSatisfying(BusinessRuleException.class,
					e -> assertThat(e.messageKey()).isEqualTo("fieldwork.frame.error.round"));
		assertThat(frames.list()).extracting(FrameView::name).doesNotContain("no township", "not a table", "forged round");
	}

	@Test
	void anExcelFrameCanBePurgedKeepingItsCounts() throws IOException {
		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (ExcelExport sheet = new ExcelExport("frame", List.of("phone", "township", "gender"))) {
			sheet.row(List.of("13700000001", "YJCG", "Female"));
			sheet.row(List.of("13700000002", "YJHK", "Male"));
			sheet.writeTo(xlsx);
		}
		FrameView frame = frames.importFile("Excel frame", null, new ByteArrayInputStream(xlsx.toByteArray()));
		assertThat(frame.imported()).isEqualTo(2);
		FrameView purged = frames.purge(frame.id());
		assertThat(purged.status()).isEqualTo(SampleFrames.FrameStatus.PURGED);
		assertThat(purged.imported()).as("counts are kept").isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from frame_number where frame_id = :id").param("id", frame.id()).query(Long.class).single())
			.isZero();
		assertThatThrownBy(() -> frames.purge(frame.id())).isInstanceOf(BusinessRuleException.class);
	}

	@Test
	void anUploadedFileIsImportedInTheBackgroundReportingProgress() throws Exception {
		StringBuilder csv = new StringBuilder("phone,township\n");
		for (int i = 0; i < 25_000; i++) {
			csv.append(String.format("136%08d,YJCG%n", 40_000_000 + i));
		}
		Path upload = Files.createTempFile("frame-test", ".csv");
		Files.writeString(upload, csv);

		FrameView started = frames.startImport("background", null, upload);

		assertThat(started.status()).isIn(SampleFrames.FrameStatus.IMPORTING, SampleFrames.FrameStatus.ACTIVE);
		FrameView done = awaitEnd(started.id());
		assertThat(done.status()).isEqualTo(SampleFrames.FrameStatus.ACTIVE);
		assertThat(done.imported()).isEqualTo(25_000);
		assertThat(done.rowsRead()).as("header and data rows").isEqualTo(25_001);
		assertThat(done.percent()).isEqualTo(100);
		assertThat(upload).as("the numbers in clear do not outlive the import").doesNotExist();
	}

	@Test
	void aBackgroundImportThatFailsHalfWayKeepsNothingAndSaysWhy() throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write("phone,township\n".getBytes(StandardCharsets.UTF_8));
		for (int i = 0; i < 15_000; i++) {
			bytes.write(String.format("136%08d,YJCG%n", 50_000_000 + i).getBytes(StandardCharsets.UTF_8));
		}
		bytes.write(new byte[] { (byte) 0xFF, (byte) 0xFE, ',', 'Y', '\n' });
		Path upload = Files.createTempFile("frame-test", ".csv");
		Files.write(upload, bytes.toByteArray());

		FrameView failed = awaitEnd(frames.startImport("broken half-way", null, upload).id());

		assertThat(failed.status()).isEqualTo(SampleFrames.FrameStatus.FAILED);
		assertThat(failed.failureKey()).isEqualTo("tabular.error.encoding");
		assertThat(failed.imported()).isZero();
		assertThat(jdbc.sql("select count(*) from frame_number where frame_id = :id").param("id", failed.id()).query(Long.class).single())
			.as("the 15,000 good rows before the broken one are not kept either").isZero();
		assertThat(upload).doesNotExist();

		Path noTownship = Files.createTempFile("frame-test", ".csv");
		Files.writeString(noTownship, "电话号码,备注\n13812349999,x\n");
		FrameView refused = awaitEnd(frames.startImport("no township column", null, noTownship).id());
		assertThat(refused.failureKey()).isEqualTo("fieldwork.frame.error.column");
		assertThat(refused.failureArgs()).containsExactly("镇(街道)");

		Path empty = Files.createTempFile("frame-test", ".csv");
		assertThatThrownBy(() -> frames.startImport("empty", null, empty)).hasMessage("tabular.error.empty");
		assertThat(empty).doesNotExist();
		assertThat(frames.list()).extracting(FrameView::name).doesNotContain("empty");
	}

	private FrameView awaitEnd(long frameId) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			FrameView frame = frames.find(frameId).orElseThrow();
			if (frame.status() != SampleFrames.FrameStatus.IMPORTING) {
				return frame;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the import did not end within a minute");
	}
}
