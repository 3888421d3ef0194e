package dev.sightline.server.console.admin;

import dev.sightline.server.console.Times;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** {@link Times} for the admin pages' templates: {@code ${@adminTimes.minute(u.createdAt)}}. */
@Component("adminTimes")
public class AdminTimes {
  /** To the minute; empty for none. */
  public String minute(Instant at) {
    return Times.minute(at);
  }

  /** To the second; empty for none. */
  public String second(Instant at) {
    return Times.second(at);
  }
}
