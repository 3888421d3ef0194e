package dev.sightline.mapping;

import static dev.sightline.connector.RecordKind.ASSET;
import static dev.sightline.connector.RecordKind.FINDING;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How a value the expression yields becomes the Java value of the target's type. */
class ConversionTest {

  private static MappingResult finding(String type, String target, String valueJson) {
    return Maps.single("FINDING", type, target, "v")
        .apply(Maps.record("{\"v\":" + valueJson + "}"), FINDING);
  }

  private static MappingResult asset(String type, String target, String valueJson) {
    return Maps.single("ASSET", type, target, "v")
        .apply(Maps.record("{\"v\":" + valueJson + "}"), ASSET);
  }

  @Nested
  class Instants {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "\"2023-05-19T21:04:49Z\"          | 2023-05-19T21:04:49Z",
          "\"2023-05-19T21:04:49.123Z\"      | 2023-05-19T21:04:49.123Z",
          "\"2019-12-02T15:57:02.852608239Z\" | 2019-12-02T15:57:02.852608239Z",
          "\"2023-05-19T23:04:49+02:00\"     | 2023-05-19T21:04:49Z",
          "\"2023-05-19T16:04:49.5-05:00\"   | 2023-05-19T21:04:49.500Z",
          "\"2023-05-19T23:04:49+0200\"      | 2023-05-19T21:04:49Z",
          "\"2023-05-19T21:04:49\"           | 2023-05-19T21:04:49Z",
          "\"2023-05-16\"                    | 2023-05-16T00:00:00Z",
          "1684530289000                     | 2023-05-19T21:04:49Z",
          "\"1684530289000\"                 | 2023-05-19T21:04:49Z",
          "1.684530289E12                    | 2023-05-19T21:04:49Z",
        })
    void shouldReadIsoTextAndEpochMillisAsUtcInstants(String json, String expected) {
      MappingResult result = finding("INSTANT", "findingLastFoundOn", json);

      assertThat(result.problems()).isEmpty();
      assertThat(result.record().instant("findingLastFoundOn")).contains(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "\"yesterday\"",
          "\"2023-13-45T00:00:00Z\"",
          "true",
          "1684530289000.5",
          "{\"a\":1}"
        })
    void shouldReportAValueThatIsNoTimestamp(String json) {
      MappingResult result = finding("INSTANT", "findingLastFoundOn", json);

      assertThat(result.record().instant("findingLastFoundOn")).isEmpty();
      assertThat(result.accepted()).isTrue();
      assertThat(result.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.kind()).isEqualTo(MappingProblem.Kind.CONVERSION_FAILED);
                assertThat(p.message())
                    .contains("'findingLastFoundOn'", "'Test findingLastFoundOn'");
              });
    }
  }

  @Nested
  class Strings {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "\"Windows 10\"                | Windows 10",
          "42                            | 42",
          "8.8                           | 8.8",
          "true                          | true",
          "[null, \"\", \"10.0.0.7\", \"10.0.0.8\"] | 10.0.0.7",
          "[[null], [\"nested\"]]         | nested",
        })
    void shouldTakeTextNumbersBooleansAndTheFirstValueOfAList(String json, String expected) {
      MappingResult result = finding("STRING", "findingName", json);

      assertThat(result.problems()).isEmpty();
      assertThat(result.record().string("findingName")).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\"", "\"   \"", "[]", "[null, \"\"]"})
    void shouldLeaveTheTargetAbsentWhenTheValueIsEmpty(String json) {
      MappingResult result = finding("STRING", "findingName", json);

      assertThat(result.problems()).isEmpty();
      assertThat(result.record().targets()).isEmpty();
    }

    @Test
    void shouldReportAnObjectInsteadOfEchoingIt() {
      MappingResult result = finding("STRING", "findingName", "{\"secret\":\"do-not-echo\"}");

      assertThat(result.problems())
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.message()).contains("object").doesNotContain("do-not-echo");
                assertThat(p.kind()).isEqualTo(MappingProblem.Kind.CONVERSION_FAILED);
              });
    }
  }

  @Nested
  class StringLists {

    @Test
    void shouldMakeAOneElementListOfAScalar() {
      assertThat(
              asset("STRING_LIST", "macAddress", "\"00-50-56-93-D7-C1\"")
                  .record()
                  .strings("macAddress"))
          .containsExactly("00-50-56-93-D7-C1");
    }

    @Test
    void shouldDropNullsKeepOrderAndRemoveDuplicates() {
      MappingResult result =
          asset(
              "STRING_LIST",
              "ipAddress",
              "[\"10.0.0.2\", null, \"10.0.0.1\", \"\", \"10.0.0.2\", [\"10.0.0.3\"], 7]");

      assertThat(result.record().strings("ipAddress"))
          .containsExactly("10.0.0.2", "10.0.0.1", "10.0.0.3", "7");
    }

    @Test
    void shouldLeaveAnEmptyListAbsent() {
      MappingResult result = asset("STRING_LIST", "ipAddress", "[null]");

      assertThat(result.record().targets()).isEmpty();
      assertThat(result.record().strings("ipAddress")).isEmpty();
    }
  }

  @Nested
  class Integers {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {"5 | 5", "\"4\" | 4", "3.0 | 3", "\" 1 \" | 1", "[null, 2] | 2"})
    void shouldReadWholeNumbers(String json, long expected) {
      MappingResult result = finding("INTEGER", "findingSeverity", json);

      assertThat(result.problems()).isEmpty();
      assertThat(result.record().integer("findingSeverity")).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8", "\"high\"", "true", "99999999999999999999"})
    void shouldReportWhatIsNoWholeNumber(String json) {
      MappingResult result = finding("INTEGER", "findingSeverity", json);

      assertThat(result.record().integer("findingSeverity")).isEmpty();
      assertThat(result.problems())
          .singleElement()
          .extracting(MappingProblem::kind)
          .isEqualTo(MappingProblem.Kind.CONVERSION_FAILED);
    }

    @Test
    void shouldReportASeverityOutsideOneToFive() {
      MappingResult result = finding("INTEGER", "findingSeverity", "7");

      assertThat(result.record().integer("findingSeverity")).isEmpty();
      assertThat(result.problems())
          .singleElement()
          .extracting(MappingProblem::message)
          .asString()
          .contains("7 is outside the allowed range 1–5");
    }
  }

  @Nested
  class Decimals {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {"8.8 | 8.8", "\"7.5\" | 7.5", "10 | 10", "0.1 | 0.1"})
    void shouldKeepTheDigitsAsWritten(String json, String expected) {
      MappingResult result = finding("DECIMAL", "cvssV3Base", json);

      assertThat(result.record().decimal("cvssV3Base")).contains(new BigDecimal(expected));
    }

    @Test
    void shouldReportTextThatIsNoNumber() {
      MappingResult result = finding("DECIMAL", "cvssV3Base", "\"n/a\"");

      assertThat(result.problems())
          .singleElement()
          .extracting(MappingProblem::message)
          .asString()
          .contains("\"n/a\" is not a decimal number");
    }
  }

  @Nested
  class Booleans {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "true | true",
          "false | false",
          "\"TRUE\" | true",
          "\"yes\" | true",
          "\"No\" | false",
          "1 | true",
          "0 | false"
        })
    void shouldReadBooleansAndTheirCommonSpellings(String json, boolean expected) {
      assertThat(finding("BOOLEAN", "knownExploited", json).record().bool("knownExploited"))
          .contains(expected);
    }

    @Test
    void shouldReportAnythingElse() {
      MappingResult result = finding("BOOLEAN", "knownExploited", "\"maybe\"");

      assertThat(result.record().bool("knownExploited")).isEmpty();
      assertThat(result.problems())
          .singleElement()
          .extracting(MappingProblem::message)
          .asString()
          .contains("\"maybe\" is not a boolean");
    }
  }
}
