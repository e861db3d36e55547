package org.minyi.scoring.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.platform.tabular.ExcelExport;
import org.minyi.scoring.RReference;

/**
 * The analyst command line on R's {@code api} samples (compared with the values R's {@code survey}
 * package printed), on a hand-computable GBK file, and on bad files and flags.
 */
class ScoreCommandTests {

	private static final Map<String, double[]> R = RReference.expected();

	private static final String STRAT = RReference.file("apistrat.csv").toString();

	private static final String CLUS1 = RReference.file("apiclus1.csv").toString();

	@TempDir
	Path directory;

	@Test
	void stratifiedSampleMatchesR() {
		Map<String, CSVRecord> rows = score("--input", STRAT, "--strata", "stype", "--weight", "pw", "--fpc", "fpc", "--indicator",
				"api00=api00", "--by", "stype");
		assertMatches(rows.get("api00|"), "strat.mean.api00", 1);
		for (String type : List.of("E", "H", "M")) {
			assertMatches(rows.get("api00|" + type), "strat.by.stype." + type + ".mean.api00", 1);
		}
		assertThat(rows.get("api00|E").get("n")).isEqualTo("100");
		CSVRecord whole = rows.get("api00|");
		assertThat(Double.parseDouble(whole.get("ci_low"))).isCloseTo(662.287363159321 - 1.959963984540054 * 9.40894080278458, within(1e-6));
		assertThat(Double.parseDouble(whole.get("official"))).as("unweighted mean").isCloseTo(meanOf(STRAT, "api00"), within(1e-9));
	}

	/** Without --weight the weights are fpc/n (R derives the same from fpc); R's data rounds pw to 44.2099990844727. */
	@Test
	void weightsDerivedFromTheFpcGiveThePublishedValues() {
		CSVRecord whole = score("--input", STRAT, "--strata", "stype", "--fpc", "fpc", "--indicator", "api00=api00").get("api00|");
		assertThat(Double.parseDouble(whole.get("estimate"))).isCloseTo(662.29, within(0.005));
		assertThat(Double.parseDouble(whole.get("se"))).isCloseTo(9.4089, within(0.00005));
	}

	@Test
	void ratesArePercentagesWithRsLogitInterval() {
		CSVRecord rate = score("--input", STRAT, "--strata", "stype", "--weight", "pw", "--fpc", "fpc", "--rate",
				"schwide=sch.wide:Yes:Yes,No").get("schwide|");
		assertMatches(rate, "strat.mean.schwide", 100);
		assertThat(Double.parseDouble(rate.get("ci_low")) / 100).isCloseTo(R.get("strat.ciprop.schwide.lower")[0], within(1e-9));
		assertThat(Double.parseDouble(rate.get("ci_high")) / 100).isCloseTo(R.get("strat.ciprop.schwide.upper")[0], within(1e-9));
		assertThat(Double.parseDouble(rate.get("official"))).isCloseTo(76.0, within(1e-9));
	}

	@Test
	void clusterSampleAndRakingMatchR() {
		CSVRecord plain = score("--input", CLUS1, "--cluster", "dnum", "--weight", "pw", "--fpc", "fpc", "--indicator", "api00=api00")
			.get("api00|");
		assertMatches(plain, "clus1.mean.api00", 1);
		Path margins = write("margins.csv", StandardCharsets.UTF_8, """
				variable,level,total
				stype,E,4421
				stype,H,755
				stype,M,1018
				sch.wide,Yes,5122
				sch.wide,No,1072
				""");
		CSVRecord raked = score("--input", CLUS1, "--cluster", "dnum", "--weight", "pw", "--fpc", "fpc", "--indicator", "api00=api00",
				"--rake", margins.toString()).get("api00|");
		assertMatches(raked, "clus1.raked.mean.api00", 1);
	}

	/**
	 * Four valid answers 100, 80, 60, 0 and one "cannot say" (not valid, so outside the domain but still
	 * in the design): mean 60; linearised values zᵢ = (yᵢ − 60)/4 with Σz² = 5600/16 and a zero for the
	 * fifth respondent, so V = 5/4 · Σz² and SE = √437.5 = 20.916 (with replacement, no FPC).
	 */
	@Test
	void gbkFileFromChineseExcelWithAnswerCodesIsScoredByHand() {
		Path file = write("gbk.csv", Charset.forName("GBK"), """
				编号,镇街,满意度
				1,城关,很满意
				2,城关,满意
				3,河口,基本满意
				4,河口,不满意
				5,河口,说不清
				""");
		Map<String, CSVRecord> rows = score("--input", file.toString(), "--indicator",
				"满意度=满意度:很满意=100,满意=80,基本满意=60,不太满意=30,不满意=0", "--rate", "满意率=满意度:很满意,满意,基本满意:很满意,满意,基本满意,不太满意,不满意",
				"--by", "镇街");
		CSVRecord score = rows.get("满意度|");
		assertThat(score.get("n")).isEqualTo("4");
		assertThat(Double.parseDouble(score.get("estimate"))).isCloseTo(60, within(1e-9));
		assertThat(Double.parseDouble(score.get("se"))).isCloseTo(Math.sqrt(437.5), within(1e-9));
		assertThat(Double.parseDouble(score.get("ci_high"))).as("clipped to the 0-100 scale").isLessThanOrEqualTo(100);
		assertThat(Double.parseDouble(rows.get("满意度|城关").get("estimate"))).isCloseTo(90, within(1e-9));
		assertThat(Double.parseDouble(rows.get("满意率|").get("estimate"))).isCloseTo(75, within(1e-9));
		assertThat(rows.get("满意率|河口").get("n")).isEqualTo("2");
	}

	@Test
	void excelInputAndOutputFileGiveTheSameNumbersAsCsv() throws IOException {
		Path workbook = directory.resolve("apistrat.xlsx");
		List<CSVRecord> records = RReference.records("apistrat.csv");
		try (ExcelExport excel = new ExcelExport("data", List.of("stype", "pw", "fpc", "api00"));
				OutputStream out = Files.newOutputStream(workbook)) {
			for (CSVRecord record : records) {
				excel.row(List.of(record.get("stype"), Double.parseDouble(record.get("pw")), Double.parseDouble(record.get("fpc")),
						Double.parseDouble(record.get("api00"))));
			}
			excel.writeTo(out);
		}
		Path output = directory.resolve("results.csv");
		Run run = run("--input", workbook.toString(), "--strata", "stype", "--weight", "pw", "--fpc", "fpc", "--indicator", "api00=api00",
				"--output", output.toString());
		assertThat(run.code()).isZero();
		assertThat(run.out()).isEmpty();
		assertMatches(parse(Files.readString(output)).get("api00|"), "strat.mean.api00", 1);
	}

	@Test
	void badFilesAndFlagsGetOneLineInChineseAndEnglishAndExitCode2() {
		Path badNumber = write("bad.csv", StandardCharsets.UTF_8, "stype,api00\nE,700\nE,abc\n");
		Path lonely = write("lonely.csv", StandardCharsets.UTF_8, "stype,api00\nE,700\nE,600\nH,500\n");
		Path margins = write("margins.csv", StandardCharsets.UTF_8, "variable,level,total\nstype,E,4421\nstype,H,755\n");
		Map<List<String>, String> cases = new HashMap<>();
		cases.put(List.of("--input", STRAT, "--indicator", "api00=api00", "--colour", "red"), "未知参数 --colour");
		cases.put(List.of("--input", STRAT, "--indicator", "x=missing"), "文件中没有列 missing");
		cases.put(List.of("--input", directory.resolve("none.csv").toString(), "--indicator", "x=api00"), "找不到文件");
		cases.put(List.of("--input", STRAT), "至少需要一个");
		cases.put(List.of("--input", STRAT, "--indicator", "api00"), "--indicator 的写法不对");
		cases.put(List.of("--input", STRAT, "--rate", "r=sch.wide:Yes:No"), "正向选项必须也是有效选项");
		cases.put(List.of("--input", badNumber.toString(), "--strata", "stype", "--indicator", "a=api00"), "第 3 行的 api00 不是数字：abc");
		cases.put(List.of("--input", lonely.toString(), "--strata", "stype", "--indicator", "a=api00"), "抽样设计无法估计");
		cases.put(List.of("--input", STRAT, "--strata", "stype", "--indicator", "a=api00", "--rake", margins.toString()),
				"变量 stype 的类别 M 在总体边际中没有总数");
		cases.forEach((args, message) -> {
			Run run = run(args.toArray(String[]::new));
			assertThat(run.code()).as(String.join(" ", args)).isEqualTo(ScoreCommand.BAD_INPUT);
			assertThat(run.out()).isEmpty();
			assertThat(run.err()).contains(message).contains(" / ").doesNotContain("Exception").doesNotContain("\tat ");
			assertThat(run.err().strip().lines()).hasSize(1);
		});
	}

	@Test
	void helpPrintsTheUsage() {
		Run run = run("--help");
		assertThat(run.code()).isZero();
		assertThat(run.out()).contains("--indicator NAME=COL", "--rake margins.csv");
	}

	private void assertMatches(CSVRecord row, String rCase, double scale) {
		assertThat(Double.parseDouble(row.get("estimate")) / scale).as(rCase).isCloseTo(R.get(rCase)[0], within(R.get(rCase)[0] * 1e-9));
		assertThat(Double.parseDouble(row.get("se")) / scale).as(rCase + " SE").isCloseTo(R.get(rCase)[1], within(R.get(rCase)[1] * 1e-8));
	}

	private static double meanOf(String file, String column) {
		return RReference.records(Path.of(file).getFileName().toString()).stream()
			.mapToDouble(r -> Double.parseDouble(r.get(column)))
			.average()
			.orElseThrow();
	}

	/** Runs the command, expects success and returns the rows by "indicator|group". */
	private Map<String, CSVRecord> score(String... args) {
		Run run = run(args);
		assertThat(run.err()).isEmpty();
		assertThat(run.code()).isZero();
		return parse(run.out());
	}

	private static Map<String, CSVRecord> parse(String csv) {
		Map<String, CSVRecord> rows = new HashMap<>();
		try {
			for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))) {
				rows.put(row.get("indicator") + "|" + row.get("group"), row);
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		return rows;
	}

	private record Run(int code, String out, String err) {
	}

	private static Run run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = ScoreCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Path write(String name, Charset charset, String text) {
		try {
			return Files.writeString(directory.resolve(name), text, charset);
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}
}
