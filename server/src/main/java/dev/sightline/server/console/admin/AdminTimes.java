package dev.sightline.server.console.admin;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Instants as the admin pages show them, in UTC: {@code ${@adminTimes.minute(u.createdAt)}}. */
@Component("adminTimes")
public class AdminTimes {
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECOND =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** To the minute; empty for none. */
  public String minute(Instant at) {
    return at == null ? "" : MINUTE.format(at);
  }

  /** To the second; empty for none. */
  public String second(Instant at) {
    return at == null ? "" : SECOND.format(at);
  }
}
