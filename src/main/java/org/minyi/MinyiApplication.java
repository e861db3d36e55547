package org.minyi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class MinyiApplication {

	public static void main(String[] args) {
		SpringApplication.run(MinyiApplication.class, args);
	}
}
