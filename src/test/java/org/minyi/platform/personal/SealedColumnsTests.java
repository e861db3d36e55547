package org.minyi.platform.personal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minyi.MinyiTest;
import org.minyi.platform.crypto.TestKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A key rotation re-seals every sealed value of a table's columns, batch by batch, skipping empty ones, once. */
@MinyiTest
class SealedColumnsTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate batch;

	@TempDir
	Path dataDir;

	@Test
	void everyValueOfEveryColumnIsResealedOnce() {
		String old = key('o');
		String lookup = key('l');
		PersonalData before = personalData(Map.of("minyi.keys.personal", old, "minyi.keys.lookup", lookup));
		batch.execute("drop table if exists sealed_columns_test");
		batch.execute("create table sealed_columns_test (id bigint primary key, name_sealed varchar(500), phone_sealed varchar(500))");
		List<Object[]> rows = new ArrayList<>();
		for (int i = 1; i <= 2_500; i++) {
			rows.add(new Object[] { i, i % 5 == 0 ? null : before.protect("name " + i).sealed(), before.protect("phone " + i).sealed() });
		}
		batch.batchUpdate("insert into sealed_columns_test (id, name_sealed, phone_sealed) values (?, ?, ?)", rows);

		PersonalData rotating = personalData(Map.of("minyi.keys.personal", key('n'), "minyi.keys.personal-previous", old,
				"minyi.keys.lookup", lookup));
		SealedColumns columns = new SealedColumns(jdbc, batch, "sealed_columns_test", "name_sealed", "phone_sealed");
		assertThat(columns.reseal(rotating)).as("2,000 names and 2,500 phones").isEqualTo(4_500);
		assertThat(columns.reseal(rotating)).as("nothing left under the old key").isZero();

		PersonalData after = personalData(Map.of("minyi.keys.personal", key('n'), "minyi.keys.lookup", lookup));
		assertThat(after.reveal(jdbc.sql("select phone_sealed from sealed_columns_test where id = 2345").query(String.class).single(),
				"test", 2345, "test")).isEqualTo("phone 2345");
		assertThat(after.reveal(jdbc.sql("select name_sealed from sealed_columns_test where id = 1001").query(String.class).single(),
				"test", 1001, "test")).isEqualTo("name 1001");
		batch.execute("drop table sealed_columns_test");
	}

	private PersonalData personalData(Map<String, String> keys) {
		return new PersonalData(TestKeys.of(keys, dataDir), event -> {
		});
	}

	private static String key(char fill) {
		return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
	}
}
