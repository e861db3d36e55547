package org.minyi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The Chinese and English bundles hold the same keys, and no UI text is written outside them. */
class I18nTests {

	private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

	@Test
	void bundlesHaveTheSameKeys() throws IOException {
		Properties zh = load("messages_zh_CN.properties");
		Properties en = load("messages_en.properties");
		assertThat(zh.stringPropertyNames()).isNotEmpty().isEqualTo(en.stringPropertyNames());
		assertThat(zh.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
		// the language switch names the other language in that language
		en.remove("lang.switch");
		assertThat(en.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank().doesNotContainPattern(CJK.pattern()));
	}

	@Test
	void noChineseLiteralsInJavaOrTemplates() throws IOException {
		List<Path> offenders;
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources/templates")))) {
			offenders = files.filter(Files::isRegularFile).filter(I18nTests::containsChinese).toList();
		}
		assertThat(offenders).isEmpty();
	}

	/** The audit page shows every action by name: each {@code AuditEvent.of("<action>"...)} needs one. */
	@Test
	void everyAuditedActionHasAName() throws IOException {
		Pattern audited = Pattern.compile("AuditEvent\\.of\\(\"([a-zA-Z.]+)\"");
		Set<String> actions = new TreeSet<>();
		try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				audited.matcher(Files.readString(file)).results().forEach(m -> actions.add(m.group(1)));
			}
		}
		assertThat(actions).isNotEmpty();
		for (String bundle : List.of("messages_zh_CN.properties", "messages_en.properties")) {
			Properties properties = new Properties();
			properties.load(Files.newBufferedReader(Path.of("src/main/resources", bundle), StandardCharsets.UTF_8));
			assertThat(actions).as(bundle).allMatch(action -> properties.containsKey("audit.action." + action));
		}
	}

	private static boolean containsChinese(Path file) {
		try {
			return CJK.matcher(Files.readString(file)).find();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = I18nTests.class.getClassLoader().getResourceAsStream(name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
