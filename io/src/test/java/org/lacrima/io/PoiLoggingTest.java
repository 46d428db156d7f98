package org.lacrima.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.LogManager;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** POI logs through the Log4j API; without a provider each test run starts with a complaint on stderr. */
class PoiLoggingTest {

  @Test
  void poiLogsThroughSlf4jToJavaUtilLogging() {
    assertThat(LogManager.getLogger(XWPFDocument.class).getClass().getName()).startsWith("org.apache.logging.slf4j.");
    assertThat(LoggerFactory.getILoggerFactory().getClass().getName()).isEqualTo("org.slf4j.jul.JDK14LoggerFactory");
  }
}
