package dev.sightline.mapping;

import static dev.sightline.connector.RecordKind.ASSET;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Projections such as the seed's {@code network_interfaces[].local_ip}. */
class ArrayExpressionTest {

  private static final TransformMap MAP =
      Maps.withRows(
          String.join(
              ",",
              Maps.row(
                  "ASSET",
                  "STRING",
                  "externalAssetId",
                  "network_interfaces[].local_ip",
                  ",\"required\":true"),
              Maps.row("ASSET", "STRING_LIST", "ipAddress", "network_interfaces[].local_ip", ""),
              Maps.row(
                  "ASSET", "STRING_LIST", "macAddress", "network_interfaces[].mac_address", "")));

  @Test
  void shouldTakeTheFirstLocalIpAsTheIdAndEveryOneAsAddresses() {
    MappingResult result =
        MAP.apply(
            Maps.record(
                "{\"network_interfaces\":["
                    + "{\"interface_alias\":\"lo\"},"
                    + "{\"local_ip\":\"10.255.1.208\",\"mac_address\":\"00-50-56-93-D7-C1\"},"
                    + "{\"local_ip\":\"192.168.4.20\",\"mac_address\":\"00-50-56-93-D7-C2\"},"
                    + "{\"local_ip\":\"10.255.1.208\",\"mac_address\":\"00-50-56-93-D7-C1\"}]}"),
            ASSET);

    assertThat(result.problems()).isEmpty();
    assertThat(result.record().string("externalAssetId")).contains("10.255.1.208");
    assertThat(result.record().strings("ipAddress"))
        .containsExactly("10.255.1.208", "192.168.4.20");
    assertThat(result.record().strings("macAddress"))
        .containsExactly("00-50-56-93-D7-C1", "00-50-56-93-D7-C2");
  }

  @Test
  void shouldRejectAHostWithoutAnyInterfaceAddress() {
    for (String host :
        new String[] {
          "{}",
          "{\"network_interfaces\":[]}",
          "{\"network_interfaces\":[{\"mac_address\":\"AA\"}]}",
          "{\"network_interfaces\":\"not a list\"}"
        }) {
      MappingResult result = MAP.apply(Maps.record(host), ASSET);

      assertThat(result.accepted()).as(host).isFalse();
      assertThat(result.problems())
          .as(host)
          .extracting(MappingProblem::target)
          .containsExactly("externalAssetId");
    }
  }
}
