package dev.sightline.server.doctor;

import java.util.List;

/**
 * One thing {@code sightline doctor} looks at. A check never throws for what it finds: a problem is
 * a failed {@link CheckLine} with its fix. Some checks give one line per item (each connector).
 */
public interface DoctorCheck {
  List<CheckLine> run() throws InterruptedException;
}
